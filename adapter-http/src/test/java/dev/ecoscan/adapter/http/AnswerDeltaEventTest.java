package dev.ecoscan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A piece of the answer's text as a server-sent event: its own name, the job's numbering, the text as data. */
class AnswerDeltaEventTest {

    @Test
    void an_answer_delta_is_an_answer_delta_event_with_its_id_text_and_restart() throws Exception {
        ScanId id = ScanId.random();
        JobEvent answer = new JobEvent(3, JobStage.ANSWER, Optional.empty());
        JobEvent delta = JobEvent.answerText(4, new AnswerDelta(id, "뚜껑은 \"따로\"\n버려요", true));
        Job job = new Job(id, new UserId("u"), Optional.of("뚜껑은요?"), Instant.now(), List.of(answer, delta));

        List<String> lines = JobBodies.sse(job, delta).lines().toList();

        assertThat(lines.subList(0, 2)).containsExactly("id: 4", "event: answer_delta");
        JsonNode data = new ObjectMapper().readTree(lines.get(2).substring("data: ".length()));
        assertThat(data.path("job_id").asText()).isEqualTo(id.toString());
        assertThat(data.path("text").asText()).isEqualTo("뚜껑은 \"따로\"\n버려요");
        assertThat(data.path("restart").asBoolean()).isTrue();
        assertThat(JobBodies.sse(job, answer)).contains("event: answer\n");
        assertThat(job.stage()).as("text keeps the job in the answer stage").isEqualTo(JobStage.ANSWER);
    }
}
