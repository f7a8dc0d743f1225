package io.faceswap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.faceswap.account.ApiKeyRequests;
import io.faceswap.admin.AdminQueueResource;
import io.faceswap.billing.PaymentRequest;
import io.faceswap.ratelimit.RateLimitAdminResource;
import io.faceswap.task.CreateTaskRequest;
import io.faceswap.task.TaskResource;
import io.faceswap.webhook.WebhookRequests;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared Jsonb (Yasson 3.0.4, the version WildFly 39 ships) refuses a field that no request record has, on every
 * request body type of the API, and {@link UnknownFields} finds the field's name in what Yasson throws, bare or
 * wrapped as RESTEasy wraps it. Pins Yasson's message wording: an upgrade that changes it fails here first.
 */
class UnknownFieldsTest {
    private static final Jsonb JSONB = new JsonbResolver().getContext(Object.class);

    static final List<Class<?>> BODIES = List.of(
            CreateTaskRequest.class,
            TaskResource.CancelRequest.class,
            WebhookRequests.Roll.class,
            WebhookRequests.Replay.class,
            WebhookRequests.Endpoint.class,
            ApiKeyRequests.NewKey.class,
            ApiKeyRequests.RollKey.class,
            ApiKeyRequests.DeleteKey.class,
            PaymentRequest.class,
            AdminQueueResource.PurgeRequest.class,
            RateLimitAdminResource.Limits.class);

    @Test
    void everyRequestBodyRefusesAFieldItDoesNotHaveAndTheNameIsFound() {
        for (Class<?> body : BODIES) {
            JsonbException e = assertThrows(
                    JsonbException.class, () -> JSONB.fromJson("{\"start_seconds\":3}", body), body.getName());
            assertEquals("start_seconds", UnknownFields.nameIn(e), body.getName());
            assertEquals("start_seconds", UnknownFields.nameIn(new ProcessingException("RESTEASY008200", e)));
        }
    }

    @Test
    void knownFieldsStillReadAndOtherFailuresAreNotUnknownFields() {
        assertEquals(new WebhookRequests.Roll(5L), JSONB.fromJson("{\"graceSeconds\":5}", WebhookRequests.Roll.class));
        JsonbException wrongType = assertThrows(
                JsonbException.class, () -> JSONB.fromJson("{\"graceSeconds\":\"soon\"}", WebhookRequests.Roll.class));
        assertNull(UnknownFields.nameIn(wrongType));
        assertNull(UnknownFields.nameIn(new IllegalStateException("Json property x can not be mapped to a class y")));
    }

    @Test
    void aNameWithSpacesOrQuotesIsFoundWholeAndPrintedSafely() {
        JsonbException e = assertThrows(
                JsonbException.class,
                () -> JSONB.fromJson("{\"a \\\"b\\\"\\n c\":1}", TaskResource.CancelRequest.class));
        assertEquals("a \"b\"\n c", UnknownFields.nameIn(e));
        assertEquals("a \\\"b\\\"? c", UnknownFields.printable(UnknownFields.nameIn(e)));
    }
}
