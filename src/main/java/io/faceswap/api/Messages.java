package io.faceswap.api;

/**
 * Free-text messages the service stores and shows (a task's error, a delivery's last error, an audit entry's
 * detail) fit their {@code varchar(500)} columns: a longer one is cut to {@value #MAX_LENGTH} characters, the last
 * three an ellipsis ({@code ...}).
 */
public final class Messages {
    public static final int MAX_LENGTH = 500;

    private Messages() {}

    /** {@code message} as stored: unchanged up to {@value #MAX_LENGTH} characters, else cut; null stays null. */
    public static String clip(String message) {
        return message == null || message.length() <= MAX_LENGTH
                ? message
                : message.substring(0, MAX_LENGTH - 3) + "...";
    }
}
