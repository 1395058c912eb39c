package org.saferkent.partnership.assessment.adapter.in.web;

/**
 * A police.uk street-level crime file, as downloaded from data.police.uk: its text in {@code csv} (the API takes JSON
 * only). The file name is not kept.
 */
public record ImportRequest(String fileName, String csv) {
}
