package io.daybreak.data.cdisc;

/**
 * IBM System/360 hexadecimal floating point, as SAS transport files store numbers: a sign bit, a 7-bit exponent of
 * 16 biased by 64 and a 56-bit fraction, big-endian, possibly truncated to 2 … 7 bytes. SAS missing values have a
 * first byte {@code .} (0x2E), {@code _} (0x5F) or {@code A}–{@code Z} and zeros after it.
 */
final class IbmFloat {
    /** Doubles from this magnitude on (16⁶³, about 7.2e75) are beyond the largest IBM number. */
    static final double LIMIT = 0x1p252;

    private IbmFloat() {
    }

    /**
     * The missing-value code of a stored number ({@code '.'}, {@code '_'}, {@code 'A'}–{@code 'Z'}), or 0 if the bytes
     * are a number.
     */
    static char missing(byte[] bytes, int offset, int length) {
        int first = bytes[offset] & 0xFF;
        if (first != '.' && first != '_' && (first < 'A' || first > 'Z')) {
            return 0;
        }
        for (int i = 1; i < length; i++) {
            if (bytes[offset + i] != 0) {
                return 0;
            }
        }
        return (char) first;
    }

    /** The double of {@code length} (2 … 8) big-endian bytes of an IBM number (missing values checked before). */
    static double toDouble(byte[] bytes, int offset, int length) {
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (i < length ? bytes[offset + i] & 0xFF : 0);
        }
        long fraction = bits & 0x00FF_FFFF_FFFF_FFFFL;
        if (fraction == 0) {
            return (bits < 0) ? -0.0 : 0.0;
        }
        int exponent = (int) ((bits >>> 56) & 0x7F) - 64;
        // value = fraction · 2⁻⁵⁶ · 16^exponent; one rounding, from 56 to 53 bits, in the conversion to double
        double value = Math.scalb((double) fraction, 4 * exponent - 56);
        return bits < 0 ? -value : value;
    }

    /**
     * Writes a double as an 8-byte IBM number. The 53 bits of a double fit the 56-bit fraction, so the value is exact;
     * magnitudes below 16⁻⁶⁵ (about 5.4e-79) become 0.
     *
     * @throws IllegalArgumentException for NaN, infinities and magnitudes from {@link #LIMIT} (about 7.2e75) on
     */
    static void write(double value, byte[] out, int offset) {
        if (!Double.isFinite(value) || Math.abs(value) >= LIMIT) {
            throw new IllegalArgumentException(value + " cannot be stored as an IBM floating-point number");
        }
        long bits;
        double magnitude = Math.abs(value);
        if (magnitude < 0x1p-260) { // 16⁻⁶⁵: below the smallest normalised IBM number
            bits = 0;
        } else {
            int e = Math.getExponent(magnitude); // magnitude = m · 2^e, m in [1, 2)
            long mantissa = (Double.doubleToRawLongBits(magnitude) & 0x000F_FFFF_FFFF_FFFFL) | (1L << 52);
            int k = Math.floorDiv(e + 1 + 3, 4); // smallest k with 4k >= e + 1: fraction < 1
            int shift = e + 4 - 4 * k; // 0 … 3: fraction = mantissa · 2^shift · 2⁻⁵⁶
            long fraction = mantissa << shift;
            bits = ((long) (k + 64) << 56) | fraction;
        }
        if (value < 0 || (value == 0 && 1 / value < 0)) {
            bits |= Long.MIN_VALUE;
        }
        for (int i = 7; i >= 0; i--) {
            out[offset + i] = (byte) bits;
            bits >>>= 8;
        }
    }

    /** Writes a SAS missing value ({@code '.'}, {@code '_'}, {@code 'A'}–{@code 'Z'}) of {@code length} bytes. */
    static void writeMissing(char code, byte[] out, int offset, int length) {
        out[offset] = (byte) code;
        for (int i = 1; i < length; i++) {
            out[offset + i] = 0;
        }
    }
}
