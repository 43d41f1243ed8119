package org.spectlab.simulator.ct;

/**
 * Apodising window of the CT reconstruction filter, as a function of the frequency {@code f} relative
 * to the detector Nyquist frequency {@code f_N = 1 / (2 pitch)} (definitions as in Kak &amp; Slaney,
 * Principles of Computerized Tomographic Imaging, IEEE Press 1988, ch. 3, and Hsieh, Computed
 * Tomography, 2nd ed., SPIE 2009, ch. 3).
 */
public enum CtKernel {
    /** Ram-Lak: the band-limited ramp, window 1 (sharpest, noisiest). */
    RAMP,
    /** Shepp-Logan: {@code sinc(f / (2 f_N))} (a "standard" body kernel). */
    SHEPP_LOGAN,
    /** Hann: {@code 0.5 (1 + cos(π f / f_N))} (a smooth soft-tissue kernel). */
    HANN;

    /** Window value at {@code f / f_N} in [0, 1]. */
    double window(double fOverNyquist) {
        return switch (this) {
            case RAMP -> 1.0;
            case SHEPP_LOGAN -> {
                double x = 0.5 * Math.PI * fOverNyquist;
                yield x == 0 ? 1.0 : Math.sin(x) / x;
            }
            case HANN -> 0.5 * (1 + Math.cos(Math.PI * fOverNyquist));
        };
    }
}
