/**
 * Reading detections files and ground-truth lesion lists.
 *
 * <h2>Detections file, JSON ({@code detections.json})</h2>
 * <pre>{@code
 * {"detections": [
 *   {"id": "d1", "x_mm": 12.5, "y_mm": -40.0, "z_mm": 88.0, "confidence": 0.93,
 *    "organ": "liver", "peak_uptake_bq_per_ml": 5.2e4, "mean_uptake_bq_per_ml": 3.1e4,
 *    "volume_ml": 4.2, "contrast": 3.5, "cnr": 12.0}
 * ]}
 * }</pre>
 * Required per entry: {@code id} (string or integer), {@code x_mm}, {@code y_mm}, {@code z_mm}
 * (patient LPS coordinates, mm) and {@code confidence} (finite number, higher = more certain).
 * Optional: {@code organ} (string), {@code peak_uptake_bq_per_ml}, {@code mean_uptake_bq_per_ml},
 * {@code volume_ml}, {@code contrast}, {@code cnr} (finite numbers; {@code null} = not given).
 * Other keys are ignored, so producers may add their own (spectlab's localizer adds {@code ct_region},
 * the coarse CT class). Ids must be unique. The organ is scored against the lesion's host organ by
 * {@link org.spectlab.metrics.detection.OrganNames#sameOrgan} (same organ, same side).
 *
 * <h2>Detections file, CSV</h2>
 * A header line naming the columns, then one detection per line:
 * <pre>{@code
 * id,x_mm,y_mm,z_mm,confidence,organ,peak_uptake_bq_per_ml
 * d1,12.5,-40.0,88.0,0.93,liver,5.2e4
 * }</pre>
 * Columns are found by header name (same names as the JSON keys; the five required ones must be
 * present, in any order; unknown columns are ignored). Fields may be double-quoted (RFC 4180); an empty
 * optional field means not given; blank lines and lines starting with {@code #} are skipped.
 *
 * <h2>Ground-truth lesions ({@code truth/phantom.json}, key {@code lesions})</h2>
 * <pre>{@code
 * {"lesions": [
 *   {"id": "L1", "kind": "tumour", "organ": "liver", "centre_mm": [30.0, -20.0, 95.0],
 *    "diameter_mm": 20.0, "volume_ml": 4.19, "concentration_bq_per_ml": 50000.0, "activity_mbq": 0.209}
 * ]}
 * }</pre>
 * Required: {@code id}, {@code kind} ({@code "tumour"} or {@code "inflammation"}), {@code centre_mm}
 * (array of 3 numbers, LPS mm), {@code diameter_mm} (positive; volume-equivalent sphere diameter for
 * non-spherical lesions), {@code concentration_bq_per_ml} (&ge; 0, at acquisition time). Optional:
 * {@code organ} (the host organ's name as in {@code labels.json}), {@code volume_ml} (default: the
 * sphere volume of {@code diameter_mm}), {@code activity_mbq} (default: volume &times; concentration).
 * Other keys of {@code phantom.json} are ignored.
 *
 * <p>Every error is an {@link org.spectlab.core.error.InputException} naming the file, the entry index
 * (0-based) and the field, e.g. {@code 'detections.json detections[3].x_mm': must be a number, got "abc"}.
 */
package org.spectlab.metrics.io;
