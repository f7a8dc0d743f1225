package io.faceswap.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.billing.UserAccount;
import org.junit.jupiter.api.Test;

/** A task's end settles its held seconds exactly once: whoever ends it second changes nothing. */
class TaskSettlementTest {

    @Test
    void successChargesTheRealLengthOnceAndReturnsTheRest() {
        try (TaskRules rules = new TaskRules(2, 1)) {
            rules.pay("u", 100);
            String id = running(rules, 10);
            rules.db.run(em -> {
                rules.lifecycle.probed(id, "node-1", 186, 6.2);
            });

            assertTrue(end(rules, () -> rules.lifecycle.succeed(id)));
            assertFalse(end(rules, () -> rules.lifecycle.succeed(id)), "a second success");
            assertFalse(end(rules, () -> rules.lifecycle.fail(id, TaskErrorCode.INTERNAL_ERROR, "late")));
            assertFalse(end(rules, () -> rules.lifecycle.canceled(id)));

            FaceSwapTask task = rules.task(id);
            assertEquals(TaskStatus.SUCCEEDED, task.getStatus());
            assertTrue(task.isSettled());
            assertEquals(7, task.getChargedSeconds(), "ceil(6.2 s)");
            UserAccount account = rules.account("u");
            assertEquals(0, account.getHeldSeconds());
            assertEquals(7, account.getSpentSeconds());
            assertEquals(93, account.balanceSeconds());
            assertEquals(1, rules.ended.fired.size(), "one end event");
        }
    }

    @Test
    void theChargeIsNeverMoreThanWasHeld() {
        try (TaskRules rules = new TaskRules(2, 1)) {
            rules.pay("u", 100);
            String id = running(rules, 10);
            rules.db.run(em -> {
                rules.lifecycle.probed(id, "node-1", 600, 5.0); // 600 frames bill as 20 s
            });
            assertTrue(end(rules, () -> rules.lifecycle.succeed(id)));
            assertEquals(10, rules.task(id).getChargedSeconds());
            assertEquals(10, rules.account("u").getSpentSeconds());
        }
    }

    /**
     * A photo task (issue 26) holds its fixed price, seconds-per-image at create, and success charges exactly that,
     * whatever its one frame and zero seconds would bill as a video; a failed photo charges nothing.
     */
    @Test
    void aPhotoIsChargedWhatItHeldAndAFailedOneNothing() {
        try (TaskRules rules = new TaskRules(2, 2)) {
            rules.pay("u", 100);
            String photo = rules.queuePhoto("u", 3); // as with clipzap.billing.seconds-per-image=3
            String failed = rules.queuePhoto("u", 3);
            boolean claimed = rules.db.call(
                    em -> rules.lifecycle.claim(photo, "node-1") && rules.lifecycle.claim(failed, "node-1"));
            assertTrue(claimed);
            rules.db.run(em -> {
                rules.lifecycle.probed(photo, "node-1", 1, 0);
                rules.lifecycle.photoSwapped(photo, "node-1", 2, 0.7);
            });
            assertEquals(TargetKind.PHOTO, rules.task(photo).getTargetKind());
            assertEquals(null, rules.task(photo).getVideoUrl());
            assertEquals(99, rules.task(photo).progress(), "100 only once it has succeeded");

            assertTrue(end(rules, () -> rules.lifecycle.succeed(photo)));
            assertTrue(end(rules, () -> rules.lifecycle.fail(failed, TaskErrorCode.NO_FACE_IN_TARGET, "no face")));
            assertEquals(3, rules.task(photo).getChargedSeconds());
            assertEquals(2, rules.task(photo).getFacesFound());
            assertEquals(0, rules.task(failed).getChargedSeconds());
            UserAccount account = rules.account("u");
            assertEquals(0, account.getHeldSeconds());
            assertEquals(3, account.getSpentSeconds());
            assertEquals(97, account.balanceSeconds());

            // a delete blanks its URLs but not what it is
            rules.db.run(em -> rules.lifecycle.markDeleted(photo));
            assertEquals(TargetKind.PHOTO, rules.task(photo).getTargetKind());
            assertEquals("", rules.task(photo).getTargetImageUrl());
        }
    }

    /** A cancel (or delete) requested while the job runs wins over its success: nothing is charged. */
    @Test
    void aTaskWhoseCancelWasRequestedDoesNotSucceed() {
        try (TaskRules rules = new TaskRules(2, 1)) {
            rules.pay("u", 100);
            String id = running(rules, 10);
            rules.db.run(em -> rules.lifecycle.probed(id, "node-1", 60, 2.0));
            assertTrue(end(rules, () -> rules.lifecycle.requestCancel(id)));
            assertFalse(end(rules, () -> rules.lifecycle.succeed(id)), "the result came too late");
            assertTrue(end(rules, () -> rules.lifecycle.canceled(id)));
            assertEquals(TaskStatus.CANCELED, rules.task(id).getStatus());
            assertEquals(0, rules.task(id).getChargedSeconds());
            assertEquals(100, rules.account("u").balanceSeconds());
            assertEquals(0, rules.account("u").getHeldSeconds());
        }
    }

    @Test
    void failureAndCancelChargeNothingAndReleaseTheHold() {
        try (TaskRules rules = new TaskRules(2, 2)) {
            rules.pay("u", 100);
            String failed = running(rules, 10);
            String canceled = rules.queue("u", 20);
            assertEquals(30, rules.account("u").getHeldSeconds());

            assertTrue(end(rules, () -> rules.lifecycle.fail(failed, TaskErrorCode.NO_FACE_IN_IMAGE, "no face")));
            assertFalse(end(rules, () -> rules.lifecycle.succeed(failed)), "success after failure");
            assertTrue(end(rules, () -> rules.lifecycle.cancelNow(canceled)));
            assertFalse(end(rules, () -> rules.lifecycle.cancelNow(canceled)));

            UserAccount account = rules.account("u");
            assertEquals(0, account.getHeldSeconds());
            assertEquals(0, account.getSpentSeconds());
            assertEquals(100, account.balanceSeconds());
            assertEquals(0, rules.task(failed).getChargedSeconds());
            assertEquals(TaskStatus.CANCELED, rules.task(canceled).getStatus());
        }
    }

    @Test
    void aRunningTaskIsNotCanceledAtOnce() {
        try (TaskRules rules = new TaskRules(2, 1)) {
            rules.pay("u", 100);
            String id = running(rules, 10);
            assertFalse(end(rules, () -> rules.lifecycle.cancelNow(id)), "its job ends it, at its next chunk");
            assertEquals(TaskStatus.PROCESSING, rules.task(id).getStatus());
            assertEquals(10, rules.account("u").getHeldSeconds());
        }
    }

    private static String running(TaskRules rules, long held) {
        String id = rules.queue("u", held);
        boolean claimed = rules.db.call(em -> rules.lifecycle.claim(id, "node-1"));
        assertTrue(claimed);
        return id;
    }

    private static boolean end(TaskRules rules, java.util.function.BooleanSupplier transition) {
        return rules.db.call(em -> transition.getAsBoolean());
    }
}
