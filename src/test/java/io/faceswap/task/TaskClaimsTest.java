package io.faceswap.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dispatcher's choice: round robin over users with work and a free slot, oldest first within a user. */
class TaskClaimsTest {

    @Test
    void usersTakeTurnsAndEachUsersOldestTaskGoesFirst() {
        try (TaskRules rules = new TaskRules(1, 1)) {
            for (String user : List.of("a", "b", "c")) {
                rules.pay(user, 100);
            }
            String a1 = rules.queue("a", 1);
            String a2 = rules.queue("a", 1);
            String b1 = rules.queue("b", 1);
            String a3 = rules.queue("a", 1);
            String c1 = rules.queue("c", 1);
            String b2 = rules.queue("b", 1);

            List<String> order = new ArrayList<>();
            for (Optional<String> next = claim(rules); next.isPresent(); next = claim(rules)) {
                order.add(next.get());
                rules.db.run(em -> {
                    rules.lifecycle.succeed(order.get(order.size() - 1));
                });
            }
            // a, b, c never claimed: by their oldest task; then the user whose last claim is oldest
            assertEquals(List.of(a1, b1, c1, a2, b2, a3), order);
        }
    }

    @Test
    void theGlobalLimitHoldsAndAFreedSlotGoesToTheNextTurn() {
        try (TaskRules rules = new TaskRules(2, 1)) {
            rules.pay("a", 100);
            rules.pay("b", 100);
            String a1 = rules.queue("a", 1);
            String a2 = rules.queue("a", 1);
            String b1 = rules.queue("b", 1);

            assertEquals(Optional.of(a1), claim(rules));
            assertEquals(Optional.of(b1), claim(rules));
            assertEquals(Optional.empty(), claim(rules), "two running: the global limit");
            rules.db.run(em -> {
                rules.lifecycle.succeed(a1);
            });
            assertEquals(Optional.of(a2), claim(rules));
            assertEquals(TaskStatus.PROCESSING, rules.task(a2).getStatus());
            assertEquals("node-1", rules.task(a2).getNode());
            assertEquals(1, rules.task(a2).getAttempts());
        }
    }

    @Test
    void aUserWithATaskRunningWaitsForItsSlotWhileOthersGoOn() {
        try (TaskRules rules = new TaskRules(5, 1)) {
            rules.pay("a", 100);
            rules.queue("a", 1);
            String a2 = rules.queue("a", 1);
            assertTrue(claim(rules).isPresent());
            assertEquals(Optional.empty(), claim(rules), "the per-user limit, though 4 global slots are free");
            rules.pay("b", 100);
            String b1 = rules.queue("b", 1);
            assertEquals(Optional.of(b1), claim(rules));
            assertEquals(TaskStatus.QUEUED, rules.task(a2).getStatus());
        }
    }

    @Test
    void aCanceledTaskIsNeverClaimed() {
        try (TaskRules rules = new TaskRules(2, 2)) {
            rules.pay("a", 100);
            String a1 = rules.queue("a", 1);
            String a2 = rules.queue("a", 1);
            rules.db.run(em -> {
                rules.lifecycle.cancelNow(a1);
            });
            assertEquals(Optional.of(a2), claim(rules));
            assertEquals(Optional.empty(), claim(rules));
            assertEquals(TaskStatus.CANCELED, rules.task(a1).getStatus());
        }
    }

    private static Optional<String> claim(TaskRules rules) {
        return rules.db.call(em -> rules.claims.claimNext("node-1"));
    }
}
