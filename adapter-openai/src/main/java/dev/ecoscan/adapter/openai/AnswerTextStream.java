package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.AnswerStream;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanId;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the person-facing text of the answer replies ({@code user_answer}) to the scan's
 * {@link AnswerStream} as it arrives. A reply after one that already sent text (a retry, a fallback,
 * a repair) starts with a restart, so no half answer from an abandoned reply stays in front of the
 * person. A lock, not a monitor, orders a late piece of an abandoned reply against the next reply:
 * replies start on virtual threads, which a contended monitor pins to their carrier on JDK 21-23.
 */
final class AnswerTextStream implements PartialReplies {

    private final ScanId scanId;
    private final AnswerStream stream;
    private final ReentrantLock lock = new ReentrantLock();
    private AnswerTextExtractor reply = new AnswerTextExtractor();
    private boolean sentAny;
    private boolean restartPending;

    AnswerTextStream(ScanId scanId, AnswerStream stream) {
        this.scanId = scanId;
        this.stream = stream;
    }

    @Override
    public void startReply() {
        lock.lock();
        try {
            reply = new AnswerTextExtractor();
            restartPending = sentAny;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void text(String piece) {
        lock.lock();
        try {
            String text = reply.append(piece);
            if (text.isEmpty()) {
                return;
            }
            try {
                stream.send(new AnswerDelta(scanId, text, restartPending));
            } catch (RuntimeException e) {
                // Streaming is a courtesy: the finished answer is what the scan returns.
            }
            sentAny = true;
            restartPending = false;
        } finally {
            lock.unlock();
        }
    }
}
