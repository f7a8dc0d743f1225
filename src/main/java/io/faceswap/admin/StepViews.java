package io.faceswap.admin;

import io.faceswap.admin.AdminExecutionResource.StepView;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/** An execution's steps as the admin API shows them, with the swap step's frame rate. */
final class StepViews {
    private StepViews() {
    }

    /**
     * JBeret records a partitioned step's start time when the step ends, so the swap step's own start would give a
     * step of no length and a frame rate a thousand times too high. Steps run one after another, so such a step is
     * taken to start when the one before it in this execution ended (or, first in a restart, when it started).
     */
    static List<StepView> of(List<StepExecution> steps, Instant executionStart,
                             LongFunction<List<JobRepositoryQueries.PartitionRow>> partitions) {
        List<StepView> views = new ArrayList<>();
        Instant previousEnd = executionStart;
        for (StepExecution s : steps) {
            Map<String, Long> metrics = Arrays.stream(s.getMetrics())
                    .collect(Collectors.toMap(m -> m.getType().name(), Metric::getValue));
            Instant start = s.getStartTime() == null ? null : s.getStartTime().toInstant();
            Instant end = s.getEndTime() == null ? null : s.getEndTime().toInstant();
            if (end != null && (start == null || !start.isBefore(end))
                    && previousEnd != null && previousEnd.isBefore(end)) {
                start = previousEnd;
            }
            // a step quicker than the repository's timestamp resolution counts as 1 ms, never as "no figure"
            Double fps = start != null && end != null && s.getStepName().equals("swap")
                    ? metrics.getOrDefault("WRITE_COUNT", 0L) * 1000.0
                            / Math.max(1, end.toEpochMilli() - start.toEpochMilli())
                    : null;
            views.add(new StepView(s.getStepExecutionId(), s.getStepName(), s.getBatchStatus().name(), start, end,
                    metrics, fps, partitions.apply(s.getStepExecutionId())));
            previousEnd = end;
        }
        return views;
    }
}
