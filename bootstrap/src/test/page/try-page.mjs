// Drives dev mode's try-it page in Debian's Chromium, as a person would: open it, reach the controls
// by keyboard, upload a photo, and read what renders. Run by bootstrap's TryPageTest:
//   node try-page.mjs <baseUrl> <photo.png> <expected item name>
// Exits 0 when every check holds, 1 with the failed check on stderr otherwise.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [baseUrl, photo, expectedItem] = process.argv.slice(2);
if (!baseUrl || !photo || !expectedItem) {
  console.error('usage: node try-page.mjs <baseUrl> <photo.png> <expected item name>');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** From the click to the rendered result; the simulator answers in well under a second. */
const RESULT_DEADLINE_MS = 60000;

function check(condition, what, seen) {
  if (!condition) {
    throw new Error('check failed: ' + what + (seen === undefined ? '' : ' (saw: ' + JSON.stringify(seen) + ')'));
  }
  console.log('ok - ' + what);
}

/** Submits by keyboard what is chosen, waits for the result, and checks what renders. */
async function scan(page, what) {
  await page.focus('#submit');
  await page.keyboard.press('Enter');
  // The result, or the error the page shows instead (then that is the failure to report).
  await page.waitForSelector('#result:not([hidden]), #error:not([hidden])', { timeout: RESULT_DEADLINE_MS });
  check(await page.isHidden('#error'), what + ': no error is shown', await page.textContent('#error'));
  const stages = await page.$$eval('#stages li', (items) => items.map((li) => li.dataset.stage));
  check(stages.includes('vision') && stages.includes('answer') && stages.at(-1) === 'done',
      what + ': the stages arrived over the event stream, done last', stages);
  const item = (await page.textContent('#item')).trim();
  check(item.includes(expectedItem), what + ': the item is ' + expectedItem, item);
  const answer = (await page.textContent('#answer')).trim();
  check(answer.length > 0, what + ': the answer renders', answer);
  const steps = await page.$$eval('#steps li', (items) => items.map((li) => li.textContent));
  check(steps.length > 0, what + ': the disposal steps render', steps);
  const rules = await page.$$eval('#rules dt', (items) => items.map((dt) => dt.textContent));
  check(rules.length > 0, what + ': the rules render', rules);
  const reward = (await page.textContent('#reward')).trim();
  const rewardName = await page.$('#reward-name');
  check(rewardName !== null && (await rewardName.textContent()).trim().length > 0,
      what + ': the reward character renders', reward);
  check((await page.evaluate(() => document.activeElement.id)) === 'result', what + ': focus moves to the result');
  return { item, stages, answer, reward };
}

const profile = mkdtempSync(join(tmpdir(), 'eco-scan-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // The network is closed: without these Chromium keeps trying to reach Google's services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  const offsite = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(r.status() + ' ' + r.url()); });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('blob:') && !url.startsWith('data:')) offsite.push(url);
  });

  const response = await page.goto(baseUrl + '/');
  check(response.status() === 200, 'GET / answers 200', response.status());
  check((await page.getAttribute('html', 'lang')) === 'ko', 'the page is in Korean (lang="ko")');
  check((await page.evaluate(() => document.cookie)) === '', 'the dev token cookie is HttpOnly: no script reads it');
  check((await page.getAttribute('#stages', 'aria-live')) === 'polite', 'stage updates are announced (aria-live)');

  // Keyboard: Tab reaches the controls in reading order, each with its label.
  const order = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.className));
  }
  check(JSON.stringify(order) === JSON.stringify(['skip', 'image', 'sample', 'question', 'submit']),
      'Tab visits the skip link, photo, sample, question and button in order', order);
  for (const id of ['image', 'sample', 'question']) {
    const label = await page.evaluate((id) => document.getElementById(id).labels[0]?.textContent.trim(), id);
    check(Boolean(label), '#' + id + ' has a label', label);
  }

  // A bundled sample first (sent as a JSON job with its /samples URL), then the photo uploaded.
  const sample = photo.split('/').pop();
  await page.selectOption('#sample', sample);
  check(await page.isVisible('#preview'), 'the chosen sample is previewed');
  const fromSample = await scan(page, 'sample ' + sample);
  check((await page.textContent('#preview-name')) === sample, 'the sample is still the chosen photo');
  // For a person to look at the page: TRY_PAGE_SCREENSHOT=/tmp/page.png ./mvnw ... -Dtest=TryPageTest
  if (process.env.TRY_PAGE_SCREENSHOT) await page.screenshot({ path: process.env.TRY_PAGE_SCREENSHOT, fullPage: true });
  // A photo dropped on the page becomes the chosen file (a drop event with the sample's bytes).
  await page.evaluate(async (name) => {
    const bytes = await (await fetch('/samples/' + name)).blob();
    const files = new DataTransfer();
    files.items.add(new File([bytes], 'dropped-' + name, { type: 'image/png' }));
    document.getElementById('drop').dispatchEvent(
        new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
  }, sample);
  const dropped = await page.evaluate(() => Array.from(document.getElementById('image').files, (f) => f.name));
  check(dropped.length === 1 && dropped[0] === 'dropped-' + sample, 'a dropped photo becomes the chosen file', dropped);
  check((await page.textContent('#preview-name')) === 'dropped-' + sample, 'the dropped photo is previewed');

  // Then the photo itself through the file input, with a question: multipart, and an answer the model writes.
  await page.setInputFiles('#image', photo);
  check((await page.inputValue('#sample')) === '', 'choosing a file clears the sample');
  await page.fill('#question', '안을 헹궈야 하나요?');
  const fromUpload = await scan(page, 'upload with a question');
  const live = (await page.textContent('#answer-live')).trim();
  check(live.length > 0, 'upload with a question: the answer showed as the model wrote it (answer_delta)', live);
  console.log('result: ' + JSON.stringify({ sample: fromSample, upload: fromUpload }));
  check(errors.length === 0, 'the page logged no errors', errors);
  check(offsite.length === 0, 'the page asked nothing of any other origin', offsite);
} catch (e) {
  console.error(e.stack || String(e));
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
