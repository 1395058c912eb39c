package org.saferkent.partnership.assessment.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A police.uk street-level crime file, as downloaded from data.police.uk: its text in {@code csv} (the API takes JSON
 * only). The file name is not kept.
 */
public record ImportRequest(
        @Size(max = 200, message = "must be at most {max} characters") String fileName,
        @NotBlank(message = "is required") String csv) {
}
