package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faceswap.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Keys and payments live in the H2 file under the server's data directory: after the JVM is killed (SIGKILL, no
 * clean shutdown) and started again, they are all still there.
 */
class RestartPersistenceIT {

    @Test
    void keysAndPaymentsSurviveAKilledServer() throws Exception {
        try (ServerProcess server = ServerProcess.prepare("restart", 200)) {
            server.start();
            ApiClient api = new ApiClient(server.base());
            String user = ApiClient.uniqueUser("restart");
            String sk = api.paidKey(user, 90);
            assertEquals(
                    200,
                    api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk).status());

            server.kill();
            server.start();

            Reply me = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk);
            assertEquals(200, me.status(), me::toString);
            assertEquals(90, me.data().getJsonNumber("balanceSeconds").longValue());
            Reply account = api.adminGet("/v1/admin/users/" + user);
            assertEquals(1, account.data().getInt("paymentCount"));
            assertEquals(
                    1,
                    api.adminGet("/v1/openapi_account/list?userId=" + user)
                            .data()
                            .getInt("total"));
        }
    }
}
