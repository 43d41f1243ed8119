/**
 * NIfTI-1 single-file images ({@code .nii}; {@code .nii.gz} read through {@code GZIPInputStream} and
 * written compressed when the name ends in {@code .gz}), format as in nifti1.h of the NIfTI Data
 * Format Working Group (2004). {@link org.spectlab.core.io.nifti.Nifti} writes
 * {@link org.spectlab.core.grid.Volume}s as float32 (datatype 16) and
 * {@link org.spectlab.core.grid.LabelVolume}s as int16 (datatype 4), and reads them back.
 *
 * <h2>Orientation</h2>
 * NIfTI world space is RAS+ (coordinates increase towards the patient's Right, Anterior and
 * Superior), spectlab's is DICOM LPS (Left, Posterior, Superior). The writer stores voxel (i, j, k) in spectlab order (x
 * fastest) and sets sform_code = qform_code = 1 (scanner) with
 * <pre>
 *   x_RAS = -(originX + i dx),  y_RAS = -(originY + j dy),  z_RAS = originZ + k dz
 * </pre>
 * i.e. srow_x = (-dx, 0, 0, -originX), srow_y = (0, -dy, 0, -originY), srow_z = (0, 0, dz, originZ),
 * and the same transform as a qform: the rotation diag(-1, -1, 1) is a half turn about z, quaternion
 * (a, b, c, d) = (0, 0, 0, 1), qfac = pixdim[0] = 1, qoffset = (-originX, -originY, originZ);
 * pixdim[1..3] = voxel sizes in mm, xyzt_units = 2 (mm), vox_offset = 352, magic "n+1", and
 * {@code descrip} carries the unit (e.g. "Bq/mL"). Header floats are single precision, so voxel
 * sizes and origins come back rounded to float32 (about 1e-5 mm for a 100 mm origin).
 *
 * <h2>Reading</h2>
 * The affine is the sform when sform_code &gt; 0, else the qform when qform_code &gt; 0, else NIfTI's
 * method 1 (pixdim only, zero offset). Only axis-aligned affines with voxel axes along x, y, z in
 * that order are accepted (each axis may run either way; a reversed axis is flipped into spectlab's
 * increasing order and the origin moved to the new first voxel); oblique or axis-permuting affines
 * are refused with a message. Little- and big-endian files are read (the byte order is detected from
 * sizeof_hdr = 348). dim[0] must be 3, or 4 with dim[4] = 1. Data types uint8, int8, int16, uint16,
 * int32, uint32, float32 and float64 are read, with scl_slope/scl_inter applied (scl_slope = 0
 * means no scaling). Every bad file gives one {@link org.spectlab.core.error.InputException} naming the
 * file and the header field; sizes are checked before any array is allocated, and the data length
 * before reading (after reading for .gz). Label names are not stored here: the phantom module keeps
 * them in a JSON file beside the image.
 */
package org.spectlab.core.io.nifti;
