/**
 * Self-contained HTML reports, reusable by validation, demo and scoring: a builder
 * ({@link org.spectlab.validation.report.HtmlReport}) rendered by FreeMarker with HTML auto-escaping,
 * tables with coloured verdicts, XChart line plots rendered to inline PNG, slice images in grey or hot
 * colour maps with optional fused CT and detection markers, montages, and a findings table laid out
 * like a reading physician's report (reported finding next to the truth). Images are embedded as
 * base64 data URIs; the file has no scripts and no external links.
 */
package org.spectlab.validation.report;
