package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;

/** The asynchronous routes' bodies: progress while a job runs, and its server-sent events. */
final class JobBodies {

    /** The event that carries a piece of the answer's text. */
    static final String ANSWER_DELTA = "answer_delta";

    private JobBodies() {}

    /** {@code {job_id, status, current_stage, progress}}, as the reference system's result URL answered. */
    static ObjectNode progress(ScanId id, JobStage stage) {
        ObjectNode body = ScanBodies.JSON.createObjectNode();
        body.put("job_id", id.toString());
        body.put("status", stage == JobStage.QUEUED ? "queued" : "running");
        body.put("current_stage", stage.label());
        body.put("progress", stage.progress());
        return body;
    }

    /**
     * One event in {@code text/event-stream} form; the done event carries the result as /classify
     * answers it, and an {@code answer_delta} event a piece of the answer's text as the model writes it.
     */
    static String sse(Job job, JobEvent event) {
        ObjectNode data;
        String name = event.stage().label();
        if (event.answerDelta().isPresent()) {
            AnswerDelta delta = event.answerDelta().get();
            name = ANSWER_DELTA;
            data = ScanBodies.JSON.createObjectNode();
            data.put("job_id", job.id().toString());
            data.put("text", delta.text());
            data.put("restart", delta.restart());
        } else if (event.done()) {
            ScanOutcome outcome = event.outcome().orElseThrow();
            data = ScanBodies.JSON.createObjectNode();
            data.put("job_id", job.id().toString());
            data.put("status", outcome instanceof ScanOutcome.Completed ? "completed" : "failed");
            data.put("current_stage", JobStage.DONE.label());
            data.put("progress", JobStage.DONE.progress());
            switch (outcome) {
                case ScanOutcome.Completed done -> {
                    data.put("http_status", 200);
                    data.set("result", ScanBodies.completed(done));
                }
                case ScanOutcome.Rejected rejected -> problem(data, OutcomeProblems.of(rejected));
                case ScanOutcome.Failed failed -> problem(data, OutcomeProblems.of(failed));
            }
        } else {
            data = progress(job.id(), event.stage());
        }
        try {
            return "id: " + event.id() + "\nevent: " + name + "\ndata: " + ScanBodies.JSON.writeValueAsString(data)
                    + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /** A Last-Event-ID header's number; anything else starts from the beginning. */
    static long eventId(String header) {
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void problem(ObjectNode data, Problem problem) {
        data.put("http_status", problem.code().status());
        data.set("result", Responses.problemBody(problem));
    }
}
