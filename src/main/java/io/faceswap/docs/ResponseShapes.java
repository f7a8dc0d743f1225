package io.faceswap.docs;

import io.faceswap.account.ApiKeyViews;
import io.faceswap.admin.AdminExecutionResource;
import io.faceswap.admin.AdminQueueResource;
import io.faceswap.admin.AdminTaskResource;
import io.faceswap.audit.AuditResource;
import io.faceswap.billing.AccountView;
import io.faceswap.billing.BillingResource;
import io.faceswap.health.HealthResource;
import io.faceswap.task.MeResource;
import io.faceswap.task.TaskQueries;
import io.faceswap.task.TaskResource;
import io.faceswap.task.TaskUsage;
import io.faceswap.task.TaskView;
import io.faceswap.webhook.WebhookViews;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The records the server writes as payloads, so that {@link SchemaFacts} can mark what is always written as
 * {@code required}. A new payload record belongs here; its nullable fields carry {@code @Schema(nullable = true)}.
 * Records that are also request bodies (RateLimits, WebhookEndpointRequest) are left out: there {@code required}
 * means what the client must send.
 */
final class ResponseShapes {
    static final List<Class<?>> VIEWS = List.of(
            TaskView.class,
            TaskResource.TaskList.class,
            MeResource.Me.class,
            TaskUsage.Usage.class,
            TaskUsage.Day.class,
            ApiKeyViews.Created.class,
            ApiKeyViews.Listed.class,
            ApiKeyViews.KeyList.class,
            WebhookViews.SecretCreated.class,
            WebhookViews.Attempt.class,
            WebhookViews.Delivery.class,
            WebhookViews.DeliveryList.class,
            AccountView.class,
            BillingResource.PaymentView.class,
            HealthResource.Health.class,
            AuditResource.Entry.class,
            AuditResource.Page.class,
            AdminExecutionResource.ExecutionView.class,
            AdminExecutionResource.ExecutionPage.class,
            AdminExecutionResource.StepView.class,
            AdminExecutionResource.ExecutionDetail.class,
            AdminTaskResource.AdminTaskView.class,
            AdminTaskResource.AdminTaskList.class,
            AdminQueueResource.PurgeResult.class,
            TaskQueries.QueueFigures.class);

    private ResponseShapes() {}

    static String schemaName(Class<?> view) {
        Schema schema = view.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : view.getSimpleName();
    }
}
