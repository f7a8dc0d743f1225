package io.faceswap.media;

import java.time.Duration;

/** What a POST got back: the status (any, 2xx or not: the caller decides) and how long it took. */
public record PostResult(int status, Duration elapsed) {
    public boolean success() {
        return status >= 200 && status <= 299;
    }
}
