/**
 * Interfile 3.3 files (Todd-Pokropek, Cradduck and Deconinck, Nucl. Med. Commun. 13 (1992) 673-699)
 * in the dialect STIR reads and writes: SPECT projections ({@code .hs} header + {@code .s} data,
 * {@link org.spectlab.core.io.interfile.InterfileProjections}) and images ({@code .hv} + {@code .v},
 * {@link org.spectlab.core.io.interfile.InterfileImages}); {@link org.spectlab.core.io.interfile.Interfile}
 * is the one-line facade.
 *
 * <h2>Reading</h2>
 * Keys are case-insensitive, runs of spaces count as one, the leading {@code !} is optional,
 * {@code ;} starts a comment, unknown keys are ignored silently, a relative data-file name resolves
 * against the header's directory, and the default byte order is BIGENDIAN (as the standard says).
 * Data may be float (4 or 8 bytes) or unsigned/signed integer (1, 2 or 4 bytes), either byte order,
 * with {@code data offset in bytes} (or {@code data starting block} x 2048) and
 * {@code data rescale slope/offset}. A bad file gives one {@link org.spectlab.core.error.InputException}
 * naming the header file and the key; sizes are checked against the limits and against the data
 * file's length before any array is allocated.
 *
 * <h2>Projection geometry: how the file maps to spectlab's convention</h2>
 * spectlab's convention (package {@code org.spectlab.core.projection}, patient axes x = left,
 * y = posterior, z = superior): at view angle θ the detector sits at {@code R (sin θ, -cos θ)}
 * (θ = 0 anterior, θ grows clockwise as seen from the patient's feet) and columns run along
 * {@code (cos θ, sin θ)}.
 *
 * <p>Interfile 3.3 does not say from which side CW is seen nor where 0° is, and STIR's own
 * maintainers note the ambiguity (STIR discussion #1180 "SPECTUB image/rotation flips", issue #1635).
 * What matters for interoperability is what STIR's SPECT projector does with the keys, so spectlab
 * follows STIR's source: {@code InterfilePDFSHeaderSPECT.cxx} sets the view angle
 * {@code φ_k = start angle + k·Δ} with {@code Δ = +extent/N} for {@code CCW} and {@code -extent/N} for
 * {@code CW}; {@code SPECTUB_Tools.cxx} places the detector of view φ at {@code (-R sin φ, R cos φ)}
 * and runs tangential bins along {@code (cos φ, sin φ)} in STIR image coordinates, whose y axis points
 * along gravity ({@code DiscretisedDensityOnCartesianGrid.h}); for a head-first supine patient STIR's
 * image axes (x, y, z) are therefore spectlab's (left, posterior, superior). Equating detector
 * positions gives {@code φ = θ + 180°}, with φ and θ growing in the same sense, and STIR's bins run
 * along {@code -(cos θ, sin θ)}. Hence the writer and reader use:
 * <ul>
 *   <li>{@code start angle} = spectlab start angle + 180°, wrapped to [0, 360) (computed in exact
 *       decimal arithmetic, so a round trip returns the same double for starts in [0, 360); starts
 *       outside that range come back wrapped). {@code start angle := 180} in a STIR or SIMIND file
 *       means spectlab's θ = 0, the anterior view, which matches the 180° offset that SIMIND-to-STIR
 *       converters apply.</li>
 *   <li>{@code direction of rotation}: spectlab {@code CW} (θ grows) is written {@code CCW} (STIR's
 *       φ grows), and vice versa. Read the header's CW/CCW as seen from the patient's head.</li>
 *   <li>Matrix axis [1] (bins, {@code matrix size [1]}) is stored in reverse column order: file bin
 *       {@code b} is spectlab column {@code cols-1-b}.</li>
 *   <li>Matrix axis [2] (axial, {@code matrix size [2]}) is stored as is: row 0 is the most
 *       <em>inferior</em> row. We chose not to flip it to "head at the top as displayed" because
 *       STIR pairs projection row r with image plane r, and spectlab's images (Interfile {@code .hv}
 *       and NIfTI) store slice 0 as the most inferior; keeping both in the same order makes a STIR
 *       reconstruction of spectlab projections line up with spectlab's attenuation map. A plain
 *       viewer therefore shows spectlab projections with the feet at the top.</li>
 *   <li>{@code patient orientation := head_in} and {@code patient rotation := supine} are written,
 *       the position for which the mapping above holds.</li>
 * </ul>
 * A circular orbit is written {@code orbit := Circular} + {@code Radius := r}, a non-circular one
 * {@code orbit := Non-circular} + {@code Radii := {r1, ..., rN}} (one per view, mm, from the axis of
 * rotation to the collimator face). The window name travels in {@code energy window name [1]} (when
 * absent on reading, the header's file name without extension is used). {@code number of detector
 * heads} carries the geometry's head count, while {@code !number of projections} and
 * {@code !number of images/energy window} both count all views of all heads. The acquisition time per
 * view is read from {@code !time per projection (sec)}, else {@code study duration (sec)} or
 * {@code image duration (sec)[1]} divided by the number of views. SIMIND's and CASToR's headers use
 * the same keys; their angle conventions were not checked against their source and should be verified
 * with an off-centre point source before relying on them.
 *
 * <h2>Images</h2>
 * Matrix axes [1], [2], [3] are spectlab's x, y, z without flips; {@code first pixel offset (mm)
 * [1..3]} (a STIR extension) carries the centre of voxel (0, 0, 0) in spectlab patient millimetres
 * (a centred grid is assumed when absent); {@code quantification units} carries the unit.
 */
package org.spectlab.core.io.interfile;
