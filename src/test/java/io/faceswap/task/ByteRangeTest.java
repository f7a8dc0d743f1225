package io.faceswap.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {
    private static final long SIZE = 1000;

    @ParameterizedTest
    @CsvSource({
        "bytes=0-99, 0, 99",
        "bytes=100-, 100, 999",
        "bytes=-10, 990, 999",
        "bytes=-5000, 0, 999", // a suffix longer than the file is the whole file
        "bytes=900-5000, 900, 999", // an end past the file is cut to its last byte
        "' bytes=5-5 ', 5, 5",
        "bytes=999-999, 999, 999",
        "bytes=0-0, 0, 0",
        "bytes=-1, 999, 999",
        "bytes=0-, 0, 999", // the whole file, but asked as a range: 206
        "bytes=0-999999999999999999, 0, 999" // 18 digits: cut to the file
    })
    void aSatisfiableRangeIsServedPartially(String header, long start, long end) {
        ByteRange r = ByteRange.parse(header, SIZE);
        assertEquals(new ByteRange(start, end, true), r);
        assertEquals(end - start + 1, r.length());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {"bytes=-", "bytes=0-1,5-6", "items=0-5", "bytes=a-b", "0-5", "bytes= 0-5", "bytes=0-5 x", ""})
    void noHeaderOrOneWeDoNotServeMeansTheWholeFile(String header) {
        ByteRange r = ByteRange.parse(header, SIZE);
        assertFalse(r.partial());
        assertEquals(0, r.start());
        assertEquals(SIZE - 1, r.end());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bytes=1000-",
                "bytes=5000-6000",
                "bytes=10-5",
                "bytes=-0", // an empty suffix selects nothing
                "bytes=1234567890123456789-",
                "bytes=999999999999999999-" // 18 digits parse, and are past the file
            })
    void aRangeOutsideTheFileIs416(String header) {
        ApiException e = assertThrows(ApiException.class, () -> ByteRange.parse(header, SIZE));
        assertEquals(ErrorCode.RANGE_NOT_SATISFIABLE, e.error());
        assertTrue(e.getMessage().contains("0-999"), e.getMessage());
    }

    @Test
    void anEmptyFileIsServedWholeAndHasNoRangeToServe() {
        ByteRange whole = ByteRange.parse(null, 0);
        assertFalse(whole.partial());
        assertEquals(0, whole.length());
        ApiException e = assertThrows(ApiException.class, () -> ByteRange.parse("bytes=0-5", 0));
        assertEquals(ErrorCode.RANGE_NOT_SATISFIABLE, e.error());
    }
}
