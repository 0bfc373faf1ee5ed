// The try-it page: submit a photo (or a bundled sample) as a job, follow its events, show the result.
// Every text that came from the server or the user is set with textContent, never parsed as HTML.
'use strict';

const STAGES = {
  queued: '대기 중 (queued)',
  vision: '사진을 살펴보는 중 (vision)',
  rag: '배출 규칙을 찾는 중 (rules)',
  answer: '답변을 쓰는 중 (answer)',
  reward_match: '보상 캐릭터를 고르는 중 (reward)',
  done: '끝났어요 (done)',
};
/** How long the page waits for a job before it gives up on it. */
const DEADLINE_MS = 120000;

const $ = (id) => document.getElementById(id);
let current = null;

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function setStatus(text) {
  $('status').textContent = text;
}

function showError(problem) {
  const box = $('error');
  const detail = problem && (problem.detail || problem.message || problem.title);
  $('error-text').textContent = detail || '알 수 없는 오류예요. (unknown error)';
  const code = problem && problem.code ? problem.code : '';
  const status = problem && problem.status ? problem.status : '';
  $('error-code').textContent = [status, code].filter(Boolean).join(' · ');
  box.hidden = false;
}

async function problemOf(response) {
  try {
    const body = await response.json();
    if (body && typeof body === 'object') return body;
  } catch (e) {
    // Not JSON: the status says enough.
  }
  return { status: response.status, title: response.statusText || 'HTTP ' + response.status };
}

function addStage(name) {
  const list = $('stages');
  for (const li of list.children) li.classList.remove('current');
  const li = el('li', STAGES[name] || name);
  li.dataset.stage = name;
  li.classList.add('current');
  list.appendChild(li);
}

function preview(src, name) {
  if ($('preview').src.startsWith('blob:')) URL.revokeObjectURL($('preview').src);
  $('preview').src = src;
  $('preview').alt = '고른 사진: ' + name;
  $('preview-name').textContent = name;
  $('preview-box').hidden = false;
}

function fileChosen(file) {
  if (!file) return;
  $('sample').value = '';
  preview(URL.createObjectURL(file), file.name);
}

/** Sends the chosen photo or sample as a job; resolves to the job's links or throws a problem. */
async function submit() {
  const question = $('question').value.trim();
  const file = $('image').files[0];
  const sample = $('sample').value;
  let request;
  if (file) {
    const form = new FormData();
    form.append('image', file, file.name);
    if (question) form.append('question', question);
    request = { method: 'POST', body: form, credentials: 'same-origin' };
  } else if (sample) {
    const body = { image_url: location.origin + '/samples/' + sample };
    if (question) body.user_input = question;
    request = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    };
  } else {
    throw { title: '사진을 먼저 골라 주세요. (Choose a photo or a sample first.)', code: 'no_image' };
  }
  const response = await fetch('/api/v1/scan', request);
  if (response.status !== 202) throw await problemOf(response);
  return response.json();
}

/** Follows the job's events until its done event; falls back to its result URL if the stream breaks. */
function follow(job, run) {
  return new Promise((resolve, reject) => {
    const events = new EventSource(job.stream_url);
    run.events = events;
    let answer = '';
    const stage = (name) => (e) => {
      if (run.over) return;
      // The list is the live region; the status line would only say it twice.
      addStage(name);
    };
    for (const name of ['queued', 'vision', 'rag', 'answer', 'reward_match']) {
      events.addEventListener(name, stage(name));
    }
    events.addEventListener('answer_delta', (e) => {
      const delta = JSON.parse(e.data);
      answer = delta.restart ? delta.text : answer + delta.text;
      $('answer-live').textContent = answer;
    });
    events.addEventListener('done', (e) => {
      events.close();
      stage('done')(e);
      resolve(JSON.parse(e.data));
    });
    events.onerror = () => {
      if (events.readyState === EventSource.CLOSED || run.over) {
        events.close();
        poll(job, run).then(resolve, reject);
      }
    };
  });
}

/** The job's result once it has one: 202 means still running. */
async function poll(job, run) {
  while (Date.now() < run.deadline && !run.over) {
    const response = await fetch(job.result_url, { credentials: 'same-origin' });
    if (response.status === 200) return { http_status: 200, result: await response.json() };
    if (response.status !== 202) return { http_status: response.status, result: await problemOf(response) };
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw { title: '시간 안에 끝나지 않았어요. (The scan took too long.)', code: 'page_timeout' };
}

function render(body) {
  const pipeline = body.pipeline_result || {};
  const names = (pipeline.classification_result || {}).classification || {};
  const item = names.minor_category || names.reported_item_name || names.middle_category || names.major_category;
  $('item').textContent = item || '알아보지 못했어요';
  $('category').textContent = [names.major_category, names.middle_category].filter(Boolean).join(' › ')
      + (names.item_recognised === false ? ' (목록에 없는 품목: 분류의 규칙을 따릅니다)' : '');

  const answer = pipeline.final_answer || {};
  $('answer').textContent = answer.user_answer || '';
  const steps = $('steps');
  clear(steps);
  const stepMap = answer.disposal_steps || {};
  Object.keys(stepMap)
      .sort((a, b) => parseInt(a.replace(/\D/g, ''), 10) - parseInt(b.replace(/\D/g, ''), 10))
      .forEach((key) => steps.appendChild(el('li', stepMap[key])));
  const fix = $('fix');
  clear(fix);
  const missing = answer.insufficiencies || [];
  if (missing.length === 0) fix.appendChild(el('li', '없어요. 이대로 버리면 됩니다.'));
  missing.forEach((text) => fix.appendChild(el('li', text)));

  renderRules(pipeline.disposal_rules || {});
  renderReward(body.reward, body.reward_status || {});
  $('result').hidden = false;
  $('result').focus();
}

function renderRules(rules) {
  const list = $('rules');
  clear(list);
  const entry = (term, value) => {
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (!text) return;
    list.appendChild(el('dt', term));
    list.appendChild(el('dd', text));
  };
  entry('요약 (summary)', rules['요약']);
  entry('배출처 (where)', rules['배출처']);
  entry('대상 (covers)', rules['대상']);
  // 배출방법_공통 holds the same steps as the answer's list above, so it is not repeated here.
  entry('지역 안내 (local)', rules['배출방법_세부']);
  entry('배출 불가 (not accepted)', rules['배출불가']);
  const sources = (rules['출처'] || []).filter((s) => /^https?:\/\//.test(s.url || ''));
  if (sources.length) {
    list.appendChild(el('dt', '출처 (sources)'));
    for (const source of sources) {
      const dd = el('dd');
      dd.appendChild(el('a', source.title || source.url, { href: source.url, rel: 'noopener noreferrer' }));
      list.appendChild(dd);
    }
  }
}

function renderReward(reward, status) {
  const box = $('reward');
  clear(box);
  if (reward) {
    box.appendChild(el('p', reward.received ? '새 캐릭터를 받았어요! (new character)' : '이미 가진 캐릭터예요. (already owned)'));
    box.appendChild(el('p', reward.name, { class: 'item', id: 'reward-name' }));
    if (reward.dialog) box.appendChild(el('p', '“' + reward.dialog + '”'));
    if (reward.match_reason) box.appendChild(el('p', '이유: ' + reward.match_reason, { class: 'muted' }));
  } else if (status.status === 'not_eligible') {
    box.appendChild(el('p', '이번에는 보상이 없어요. (no reward this time) ' + (status.reason || '')));
  } else {
    box.appendChild(el('p', '지금은 보상을 확인할 수 없어요. (reward unavailable) ' + (status.reason || '')));
  }
}

async function scan(event) {
  event.preventDefault();
  if (current) {
    current.over = true;
    if (current.events) current.events.close();
  }
  const run = { over: false, deadline: Date.now() + DEADLINE_MS };
  current = run;
  clear($('stages'));
  $('answer-live').textContent = '';
  $('error').hidden = true;
  $('result').hidden = true;
  $('submit').disabled = true;
  setStatus('보내는 중… (sending)');
  try {
    const job = await submit();
    const done = await follow(job, run);
    if (run !== current) return;
    if (done.http_status === 200) {
      setStatus('결과가 나왔어요. (done)');
      render(done.result);
    } else {
      setStatus('스캔이 끝났지만 답을 드리지 못했어요. (failed)');
      showError(done.result);
    }
  } catch (problem) {
    if (run !== current) return;
    setStatus('');
    showError(problem instanceof Error ? { title: '서버에 닿지 못했어요. (network error)', detail: problem.message } : problem);
  } finally {
    if (run === current) {
      run.over = true;
      $('submit').disabled = false;
    }
  }
}

function init() {
  $('scan-form').addEventListener('submit', scan);
  $('image').addEventListener('change', () => fileChosen($('image').files[0]));
  $('sample').addEventListener('change', () => {
    const name = $('sample').value;
    if (!name) return;
    $('image').value = '';
    preview('/samples/' + name, name);
  });
  // A photo dropped anywhere on the page is taken, not opened by the browser in place of the page.
  const drop = $('drop');
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) drop.classList.remove('over');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = e.dataTransfer && e.dataTransfer.files;
    if (files && files.length) {
      $('image').files = files;
      fileChosen(files[0]);
    }
  });
}

init();
