/**
 * Detection performance over a set of cases: sensitivity, false positives per case, and the
 * free-response curves FROC, AFROC (with its JAFROC figure of merit) and LROC.
 *
 * <p>Marks are matched to lesions once, with all detections present
 * ({@link org.spectlab.metrics.detection.LesionMatcher}); the curves are then traced by sweeping a
 * confidence threshold {@code t} over every distinct confidence, keeping marks with confidence
 * {@code >= t}. Matched marks are lesion localizations (LL), unmatched ones non-lesion localizations
 * (NL). With {@code L} lesions in total and {@code N} cases:
 * <ul>
 *   <li>FROC: {@code x = NLF(t) = #NL(>= t) / N}, {@code y = LLF(t) = #LL(>= t) / L}
 *       (Chakraborty, Med. Phys. 16:561, 1989).</li>
 *   <li>AFROC: {@code x = FPF(t)} = fraction of cases whose highest-rated NL is {@code >= t} (all cases,
 *       as in JAFROC1, because simulated data sets need not have lesion-free cases), {@code y = LLF(t)};
 *       the empirical curve starts at (0, 0) and is closed by a straight line to (1, 1). Its area by the
 *       trapezoidal rule equals the JAFROC figure of merit of Chakraborty and Berbaum (Med. Phys.
 *       31:2313, 2004): {@code theta = 1/(N L) sum_cases sum_lesions psi(F_c, R_l)} where {@code F_c} is
 *       the case's highest NL rating, {@code R_l} the lesion's LL rating (minus infinity for either when
 *       absent) and {@code psi(f, r) = 1} if {@code r > f}, 1/2 if equal, 0 otherwise.</li>
 *   <li>LROC (every abnormal case has exactly one lesion, and there are lesion-free cases): the
 *       case's rating is its highest confidence; {@code x = FPF(t)} over normal cases,
 *       {@code y = PCL(t)} = fraction of abnormal cases rated {@code >= t} whose top-rated mark hits
 *       the lesion (Swensson, Med. Phys. 23:1709, 1996). The curve ends at (1, PCL of all cases);
 *       area by trapezoids.</li>
 * </ul>
 */
package org.spectlab.metrics.froc;
