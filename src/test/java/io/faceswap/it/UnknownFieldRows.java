package io.faceswap.it;

import io.faceswap.it.ApiClient.Reply;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * Every POST/PUT body of the API (checked against the contract by {@link UnknownFieldsIT}), each valid but for one extra field, {@value #FIELD}
 * (Magic Hour's spelling of a trim option: the mistake issue 31 is about). With the default switch each is 400
 * VALIDATION_FAILED naming it; with {@code clipzap.api.unknown-fields=ignore} each is served as without the field
 * ({@code ignoredStatus}: 404 where the body names a delivery or task that does not exist, which shows the body was
 * read and acted on) and names it in a Warning header. Shared by {@link UnknownFieldsIT} and {@link BadInputIT}.
 */
final class UnknownFieldRows {
    static final String FIELD = "start_seconds";
    static final String ABSENT_ID = "0123456789abcdef01234567";
    /** Prefix of a user id with no account. */
    static final String NO_USER = "nobody-";

    private UnknownFieldRows() {}

    /** What a row needs: a paid user, its sk, two further keys of its own (one to roll, one to delete). */
    record Fixture(ApiClient api, String user, String sk, String keyToRoll, String keyToDelete, String mediaUrl) {}

    interface Body {
        String json(Fixture f);
    }

    record Row(String what, String method, String path, boolean admin, int ignoredStatus, Body body) {
        Reply send(Fixture f, String extra) {
            String json = body.json(f);
            String withExtra = extra.isEmpty() ? json : json.substring(0, json.length() - 1) + extra + "}";
            String credential = admin ? "Authorization" : "X-ClipZap-Apikey";
            String value = admin ? "Bearer " + ApiClient.ADMIN_TOKEN : f.sk();
            return f.api()
                    .send(f.api()
                            .request(path.replace("{user}", f.user()))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header(credential, value)
                            .method(method, HttpRequest.BodyPublishers.ofString(withExtra))
                            .build());
        }

        Reply sendWithUnknownField(Fixture f) {
            return send(f, ",\"" + FIELD + "\":3");
        }
    }

    static final List<Row> ROWS = List.of(
            new Row(
                    "payment",
                    "POST",
                    "/v1/admin/payments",
                    true,
                    201,
                    f -> "{\"userId\":\"" + f.user() + "\",\"seconds\":5,\"reference\":\"ref-" + System.nanoTime()
                            + "\"}"),
            new Row(
                    "new key",
                    "POST",
                    "/v1/openapi_account/new",
                    true,
                    200,
                    f -> "{\"userId\":\"" + f.user() + "\",\"name\":\"extra\"}"),
            new Row(
                    "key roll",
                    "POST",
                    "/v1/openapi_account/roll",
                    true,
                    200,
                    f -> "{\"userId\":\"" + f.user() + "\",\"id\":\"" + f.keyToRoll() + "\",\"graceSeconds\":60}"),
            new Row(
                    "key delete",
                    "POST",
                    "/v1/openapi_account/delete",
                    true,
                    200,
                    f -> "{\"userId\":\"" + f.user() + "\",\"id\":\"" + f.keyToDelete() + "\"}"),
            new Row(
                    "rate-limit override",
                    "PUT",
                    "/v1/admin/users/{user}/rate_limits",
                    true,
                    200,
                    f ->
                            "{\"readLimit\":1000,\"readPeriodMillis\":1000,\"createLimit\":100,\"createPeriodMillis\":1000}"),
            new Row(
                    "admin webhook secret roll",
                    "POST",
                    "/v1/admin/users/{user}/webhook_secret",
                    true,
                    200,
                    f -> "{\"graceSeconds\":0}"),
            new Row(
                    "default webhook endpoint",
                    "PUT",
                    "/v1/admin/users/{user}/webhook_endpoint",
                    true,
                    200,
                    f -> "{\"url\":null}"),
            new Row(
                    "admin webhook replay",
                    "POST",
                    "/v1/admin/webhooks/replay",
                    true,
                    404,
                    f -> "{\"deliveryId\":\"" + ABSENT_ID + "\"}"),
            new Row("purge", "POST", "/v1/admin/purge", true, 200, f -> "{\"olderThanHours\":87600}"),
            new Row(
                    "create",
                    "POST",
                    "/v1/faceswap_openapi/create",
                    false,
                    201,
                    f -> "{\"imageUrl\":\"" + f.mediaUrl() + "\",\"videoUrl\":\"" + f.mediaUrl()
                            + "\",\"duration\":2}"),
            new Row(
                    "cancel",
                    "POST",
                    "/v1/faceswap_openapi/cancel",
                    false,
                    404,
                    f -> "{\"objectID\":\"" + ABSENT_ID + "\"}"),
            new Row(
                    "webhook secret roll",
                    "POST",
                    "/v1/faceswap_openapi/webhook_secret",
                    false,
                    200,
                    f -> "{\"graceSeconds\":0}"),
            new Row(
                    "webhook replay",
                    "POST",
                    "/v1/faceswap_openapi/webhooks/replay",
                    false,
                    404,
                    f -> "{\"deliveryId\":\"" + ABSENT_ID + "\"}"),
            // the media cannot be fetched: 422 once the body is read
            new Row(
                    "faces",
                    "POST",
                    "/v1/faceswap_openapi/faces",
                    false,
                    422,
                    f -> "{\"imageUrl\":\"" + f.mediaUrl() + "\"}"),
            new Row(
                    "delete",
                    "POST",
                    "/v1/faceswap_openapi/delete",
                    false,
                    404,
                    f -> "{\"objectID\":\"" + ABSENT_ID + "\"}"),
            // no credential needed; the sk header the row sends is not read. Ignored: received (a report is stored)
            new Row(
                    "abuse report",
                    "POST",
                    "/v1/reports",
                    false,
                    202,
                    f -> "{\"taskId\":\"" + ABSENT_ID + "\",\"reason\":\"unknown-field row\"}"),
            new Row(
                    "dismiss report",
                    "POST",
                    "/v1/admin/reports/" + ABSENT_ID + "/dismiss",
                    true,
                    404,
                    f -> "{\"note\":\"x\"}"),
            new Row(
                    "take-down",
                    "POST",
                    "/v1/admin/takedowns",
                    true,
                    404,
                    f -> "{\"taskId\":\"" + ABSENT_ID + "\",\"reason\":\"x\"}"),
            // the user-level calls name a user with no account: served, they would change nothing (404)
            new Row(
                    "suspend",
                    "POST",
                    "/v1/admin/users/" + NO_USER + "{user}/suspend",
                    true,
                    404,
                    f -> "{\"reason\":\"x\"}"),
            new Row(
                    "unsuspend",
                    "POST",
                    "/v1/admin/users/" + NO_USER + "{user}/unsuspend",
                    true,
                    404,
                    f -> "{\"note\":\"x\"}"),
            new Row(
                    "visible label",
                    "POST",
                    "/v1/admin/users/" + NO_USER + "{user}/visible_label",
                    true,
                    404,
                    f -> "{\"enabled\":true}"));

    /**
     * The operation a row calls, as the contract names it ({@code POST /v1/admin/users/{}/suspend}): path
     * parameters, whatever their names or values, become {@code {}}.
     */
    static String operation(String method, String path) {
        return method + " "
                + path.replace(NO_USER + "{user}", "{}")
                        .replace("{user}", "{}")
                        .replace(ABSENT_ID, "{}")
                        .replaceAll("\\{[^}]*}", "{}");
    }

    /** A fresh user with 100 paid seconds, its sk and two more keys. */
    static Fixture fixture(ApiClient api, String prefix, String mediaUrl) {
        String user = ApiClient.uniqueUser(prefix);
        String sk = api.paidKey(user, 100);
        String roll = api.newKey(user).data().getString("id");
        String delete = api.newKey(user).data().getString("id");
        return new Fixture(api, user, sk, roll, delete, mediaUrl);
    }
}
