/**
 * DICOM export and import of the subset spectlab needs, written from the standard (no DICOM library
 * is on Maven Central): NM Image objects for SPECT projections (TOMO) and reconstructions
 * (RECON TOMO), and CT Image series. {@link org.spectlab.core.io.dicom.Dicom} is the facade;
 * {@link org.spectlab.core.io.dicom.DicomStudyInfo} carries the synthetic patient and study.
 * Conformance is checked in the tests with {@code dciodvfy} (dicom3tools) and {@code dcmdump} (DCMTK).
 *
 * <h2>Encoding</h2>
 * Part 10 files (PS3.10 7.1): 128-byte preamble, "DICM", File Meta Information with group length,
 * Transfer Syntax Explicit VR Little Endian (1.2.840.10008.1.2.1), defined lengths, ASCII text only.
 * Every UID is {@code 2.25.<decimal of a name-based UUID>} (PS3.5 B.2) derived from
 * (study seed, purpose, index), so a study written twice from the same seed is byte-identical; the
 * study, the frame of reference and the patient are shared by every object of one study info, so a
 * viewer overlays the SPECT image on the CT. Series numbers: 1 projections, 2 reconstruction, 3 CT.
 *
 * <h2>Angles: spectlab θ versus DICOM Start Angle α</h2>
 * spectlab (package {@code org.spectlab.core.projection}): the detector of view θ sits at
 * {@code R (sin θ, -cos θ)} in patient x (left), y (posterior); θ = 0 anterior, 90° the patient's
 * left, θ grows clockwise seen from the feet. DICOM PS3.3 C.8.4.12 (NM TOMO Acquisition, Start Angle
 * (0054,0200)): "zero degrees is referenced to the origin at the patient's back; viewing from the
 * patient's feet, angle increases in a counter-clockwise direction (detector normal rotating from the
 * patient's back towards the patient's left side)"; Rotation Direction (0018,1140) CW = clockwise =
 * decreasing angle, CC = counter-clockwise = increasing. Seen from the feet of a supine patient,
 * anterior is up and the patient's left is on the viewer's right, so back → left is counter-clockwise
 * as the text says, and the detector at α sits at {@code R (sin α, cos α)}. Equating positions gives
 * <pre>  α = 180° − θ (wrapped to [0, 360)),   spectlab CW (θ grows) = DICOM CW (α falls).</pre>
 * So spectlab's anterior view (θ = 0) is written Start Angle 180, the left lateral view (θ = 90°)
 * Start Angle 90. (PyTomography's reader adds 180° to the DICOM angle to get its own detector angle,
 * which agrees with 0° = posterior in DICOM.) The arithmetic runs on decimal strings, so angles in
 * [0, 360) round-trip to the same double; starts outside that range come back wrapped.
 *
 * <h2>NM projections (Image Type ORIGINAL\PRIMARY\TOMO\EMISSION)</h2>
 * One multi-frame file for all energy windows; Frame Increment Pointer = Energy Window Vector,
 * Detector Vector, Rotation Vector, Angular View Vector; frames ordered window, head, view. spectlab
 * merges the views of all heads into one list; DICOM gives each head its views: with H heads and V
 * views (V a multiple of H), head h holds views {@code h·V/H ... (h+1)·V/H − 1}, its Detector
 * Information item carries its own Start Angle, its per-view Radial Position (mm, axis to collimator
 * face) and an Image Orientation/Position for its first view (rows along {@code (cos θ, sin θ, 0)},
 * columns along −z, in the plane through the axis, assuming the axis of rotation is the patient z
 * axis and the projection's centre row at z = 0). The single Rotation Information item holds the
 * start angle of head 1, Angular Step, Rotation Direction, Scan Arc per head, Actual Frame Duration
 * (time per view, whole ms), Number of Frames in Rotation (V/H) and Radial Position (per view with one
 * head, the mean otherwise). Pixel rows are written head at the top (DICOM row 0 = spectlab's most
 * superior row), columns as spectlab's (towards the patient's left in the anterior view).
 * <b>Counts only:</b> pixels are 16-bit unsigned whole counts, as on clinical cameras; NM TOMO has no
 * standard rescale that viewers apply, so fractional (expected, noise-free) or >65535 values are
 * refused with a message rather than silently rounded or scaled; keep those in Interfile float.
 *
 * <h2>Reconstruction (ORIGINAL\PRIMARY\RECON TOMO\EMISSION) and CT</h2>
 * The SPECT image is one multi-frame NM file, one frame per axial slice (Slice Vector), Image
 * Orientation 1\0\0\0\1\0 and Image Position of voxel (0, 0, 0) in the Detector Information item,
 * Spacing Between Slices = voxel z size; values stored as 16-bit unsigned with a per-file slope (and an
 * intercept only for negative images) given both as a Real World Value Mapping item (units UCUM
 * {@code Bq/ml}, or {@code {counts}}) and as Rescale Slope/Intercept (not in the NM IOD, so dciodvfy
 * warns "Standard Extended SOP Class", but viewers that ignore the mapping still show activity). The
 * CT is a CT Image series, one file per slice, signed 16-bit, Rescale 1/0 with type HU, whole HU.
 *
 * <h2>Reading</h2>
 * Explicit and Implicit VR Little Endian, defined or undefined lengths; compressed, big-endian and
 * deflated transfer syntaxes are refused. Projections: modality NM, Image Type value 3 TOMO, one
 * rotation, 8- or 16-bit pixels (Rescale applied when present). Layouts covered: this writer's; the
 * Siemens-style layout (per-head Start Angle and Radial Position in the Detector Information
 * Sequence); the GE-style layout that PyTomography also reads (Radial Position, one per view or a
 * single value, and Start Angle only in the Rotation Information Sequence); heads listed in any order,
 * their views merged by angle and checked to be evenly spaced by the Angular Step within 1e-3°.
 * Private vendor tags (e.g. radii in a GE or Philips private group) are not read: such files are
 * refused with a message naming Radial Position. Row order follows the first detector's Image
 * Orientation (columns along +z means row 0 inferior), head-at-top when absent. Volumes: a directory
 * is one axial CT series (slices sorted by z, evenly spaced, same matrix); a file is an NM RECON TOMO
 * image with axial orientation (values through its Real World Value Mapping, else Rescale).
 * Every failure is one {@link org.spectlab.core.error.InputException} naming the file and the tag
 * (e.g. {@code (7FE0,0010)}); every length is checked against the bytes left in the file before
 * anything is allocated.
 */
package org.spectlab.core.io.dicom;
