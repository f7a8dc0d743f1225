package io.faceswap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogContextTest {

    @AfterEach
    void clear() {
        LogContext.clear();
    }

    @Test
    void thePrefixNamesWhatIsKnownInAFixedOrder() {
        LogContext.request("r-1");
        assertEquals("[rid=r-1] ", MDC.get("log.context"));
        LogContext.user("u-1");
        LogContext.task("t-1");
        assertEquals("[rid=r-1 task=t-1 user=u-1] ", MDC.get("log.context"));
    }

    @Test
    void aJobThreadTakesTheRequestIdAndUserOfItsTask() {
        LogContext.remember("t-2", "r-2", "u-2");
        LogContext.enterTask("t-2");
        assertEquals("[rid=r-2 task=t-2 user=u-2] ", MDC.get("log.context"));
        LogContext.forget("t-2");
        LogContext.enterTask("t-2");
        assertEquals("[task=t-2] ", MDC.get("log.context")); // a task from before request ids: its id alone
    }

    @Test
    void clearLeavesNothingForTheThreadsNextRequest() {
        LogContext.request("r-3");
        LogContext.user("u-3");
        LogContext.clear();
        assertNull(MDC.get("log.context"));
        assertNull(LogContext.requestId());
    }

    @Test
    void aClientsIdIsKeptOnlyWhenItIsAPlainToken() {
        assertEquals("abc-123_x.y:z", RequestIdFilter.valid("abc-123_x.y:z"));
        String sixtyFour = "a".repeat(64);
        assertEquals(sixtyFour, RequestIdFilter.valid(sixtyFour));
        for (String bad : new String[] {null, "", "a".repeat(65), "two words", "x\n[rid=forged]", "é"}) {
            String given = RequestIdFilter.valid(bad);
            assertNotEquals(bad, given);
            assertEquals(given, UUID.fromString(given).toString());
        }
    }
}
