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

/** An execution's steps as the admin API shows them (times as {@link StepSpan} settles them), with the swap's rate. */
final class StepViews {
    private StepViews() {}

    /** {@code steps} in the order they ran; {@code executionEnd} is null while the execution runs. */
    static List<StepView> of(
            List<StepExecution> steps,
            Instant executionStart,
            Instant executionEnd,
            LongFunction<List<JobRepositoryQueries.PartitionRow>> partitions) {
        List<StepView> views = new ArrayList<>();
        Instant previousEnd = executionStart;
        for (int i = 0; i < steps.size(); i++) {
            StepExecution s = steps.get(i);
            Instant nextStart = i + 1 < steps.size() && steps.get(i + 1).getStartTime() != null
                    ? steps.get(i + 1).getStartTime().toInstant()
                    : executionEnd;
            StepSpan span = StepSpan.of(s, executionStart, previousEnd, nextStart);
            Map<String, Long> metrics = Arrays.stream(s.getMetrics())
                    .collect(Collectors.toMap(m -> m.getType().name(), Metric::getValue));
            Double fps =
                    s.getStepName().equals("swap") ? span.perSecond(metrics.getOrDefault("WRITE_COUNT", 0L)) : null;
            views.add(new StepView(
                    s.getStepExecutionId(),
                    s.getStepName(),
                    s.getBatchStatus().name(),
                    span.start(),
                    span.end(),
                    metrics,
                    fps,
                    partitions.apply(s.getStepExecutionId())));
            previousEnd = span.end();
        }
        return views;
    }
}
