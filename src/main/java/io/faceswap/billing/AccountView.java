package io.faceswap.billing;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's balance as the admin API shows it, since when the user is suspended (null: not suspended), and
 * whether the user's results carry the visible mark. */
@JsonbNillable
public record AccountView(
        String userId,
        long balanceSeconds,
        long heldSeconds,
        long spentSeconds,
        long paidSeconds,
        int paymentCount,
        Instant createdAt,
        Instant suspendedAt,

        @Schema(description = "Every task of the user carries the visible AI-generated mark (an admin's setting)")
        boolean visibleLabel) {

    public static AccountView of(UserAccount a) {
        return new AccountView(
                a.getUserId(),
                a.balanceSeconds(),
                a.getHeldSeconds(),
                a.getSpentSeconds(),
                a.getPaidSeconds(),
                a.getPaymentCount(),
                a.getCreatedAt(),
                a.getSuspendedAt(),
                a.isVisibleLabel());
    }
}
