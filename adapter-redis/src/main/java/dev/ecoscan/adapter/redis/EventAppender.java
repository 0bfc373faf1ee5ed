package dev.ecoscan.adapter.redis;

import dev.ecoscan.application.jobs.JobRetention;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.ScanId;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;

/**
 * Appends a job's events, each with one Lua script, so a stage never goes back and the done event is
 * written once, whoever runs the job. Event n is entry {@code 0-n} of the job's events stream, its
 * one field {@value #EVENT_FIELD} the JSON {@code {"id","stage","rank"[,"outcome"]}}, or for a piece
 * of the answer's text {@code {"id","stage":"ANSWER","rank","text","restart"}}.
 */
final class EventAppender {

    /** The one field of an event's stream entry, as {@link #APPEND_EVENT} writes it. */
    static final String EVENT_FIELD = "event";

    /**
     * KEYS: record, events, done marker, finished set, uploaded image. ARGV: stage name, stage rank,
     * outcome JSON ('' for a stage), retention in seconds, job id, now and the retention's cutoff in
     * epoch milliseconds. Returns the new event's id, or 0 when nothing was appended. The done event
     * restarts the record's retention, so a finished job is kept for the retention after it finished,
     * enters the job in the finished set, from which the jobs past the age are dropped (their keys
     * expire by themselves), and deletes the job's uploaded image, which nobody reads again (in the same
     * script, so finishing a job costs no second round trip; a job with no upload has no such key).
     */
    private static final String APPEND_EVENT = """
            if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
            local count = redis.call('XLEN', KEYS[2])
            local rank = tonumber(ARGV[2])
            if ARGV[3] == '' then
              if count > 0 then
                local last = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)
                if cjson.decode(last[1][2][2]).rank >= rank then return 0 end
              end
            else
              redis.call('SET', KEYS[3], '1', 'EX', ARGV[4])
              redis.call('EXPIRE', KEYS[1], ARGV[4])
              redis.call('ZADD', KEYS[4], ARGV[6], ARGV[5])
              redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. ARGV[7])
              redis.call('DEL', KEYS[5])
            end
            local event = '{"id":' .. (count + 1) .. ',"stage":"' .. ARGV[1] .. '","rank":' .. rank
            if ARGV[3] ~= '' then event = event .. ',"outcome":' .. ARGV[3] end
            redis.call('XADD', KEYS[2], '0-' .. (count + 1), 'event', event .. '}')
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            return count + 1
            """;

    /**
     * KEYS: record, events, done marker. ARGV: the text as a JSON string, restart ('1' or '0'), first
     * text of this run ('1' or '0'), retention in seconds, the answer stage's rank. Appended only while
     * the job's last event is in the answer stage. A run's first text restarts the answer when the
     * stream holds text already: that is what a run cut short (a worker that died) left.
     */
    private static final String APPEND_TEXT = """
            if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
            local count = redis.call('XLEN', KEYS[2])
            if count == 0 then return 0 end
            local last = cjson.decode(redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)[1][2][2])
            if last.rank ~= tonumber(ARGV[5]) then return 0 end
            local restart = ARGV[2] == '1' or (ARGV[3] == '1' and last.text ~= nil)
            local event = '{"id":' .. (count + 1) .. ',"stage":"ANSWER","rank":' .. ARGV[5] .. ',"text":' .. ARGV[1]
              .. ',"restart":' .. tostring(restart) .. '}'
            redis.call('XADD', KEYS[2], '0-' .. (count + 1), 'event', event)
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            return count + 1
            """;

    private final RedisJobs redis;
    private final JobRetention retention;
    private final Clock clock;

    EventAppender(RedisJobs redis, JobRetention retention, Clock clock) {
        this.redis = redis;
        this.retention = retention;
        this.clock = clock;
    }

    /** Appends a stage; ignored when the job is there already, further on, or done. */
    void enter(ScanId id, JobStage stage) {
        if (stage != JobStage.DONE) {
            append(id, stage, "");
        }
    }

    /**
     * Appends a piece of the answer's text while the job is in the answer stage; ignored otherwise.
     *
     * @param textJson the text as a JSON string
     * @param firstOfRun whether this run sent no text before
     */
    void answerText(ScanId id, String textJson, boolean restart, boolean firstOfRun) {
        JobKeys keys = redis.keys();
        redis.commands()
                .eval(
                        APPEND_TEXT,
                        ScriptOutputType.INTEGER,
                        new String[] {keys.record(id), keys.events(id), keys.done(id)},
                        textJson,
                        restart ? "1" : "0",
                        firstOfRun ? "1" : "0",
                        Long.toString(retention.age().toSeconds()),
                        Integer.toString(JobStage.ANSWER.ordinal()));
    }

    /** Appends the done event with the outcome's JSON unless some run of the job did; true when this call did. */
    boolean finish(ScanId id, String outcome) {
        return append(id, JobStage.DONE, outcome) > 0;
    }

    /** The new event's id, or 0 when nothing was appended. */
    private long append(ScanId id, JobStage stage, String outcome) {
        JobKeys keys = redis.keys();
        long now = clock.millis();
        Long appended = redis.commands()
                .eval(
                        APPEND_EVENT,
                        ScriptOutputType.INTEGER,
                        new String[] {keys.record(id), keys.events(id), keys.done(id), keys.finished(), keys.image(id)},
                        stage.name(),
                        Integer.toString(stage.ordinal()),
                        outcome,
                        Long.toString(retention.age().toSeconds()),
                        id.toString(),
                        Long.toString(now),
                        Long.toString(now - retention.age().toMillis()));
        return appended == null ? 0 : appended;
    }
}
