package org.planmap.tour;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Objects;

/**
 * A tour file as written (see {@code docs/tours.md}), bound by Jackson and checked by Bean Validation for what
 * needs no data: titles, sections, steps, something to show. Texts are stripped; a blank text counts as missing.
 * What needs the data (known ids, a verbatim quote) is checked by {@link TourResolver}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TourFile(@NotNull(message = "missing title") String title, String titleEn, String description,
                @NotEmpty(message = "missing steps (a non-empty array)")
                List<@NotNull(message = "a step must be a JSON object") @Valid Step> steps) {

    TourFile {
        title = text(title);
        titleEn = text(titleEn);
        description = text(description);
    }

    /** One step as written. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Step(@NotNull(message = "missing title") String title, String titleEn,
                @NotNull(message = "missing section (the plan section id the step quotes)") String section,
                String quote, List<String> sections, List<String> features, List<String> collections,
                Boolean sectionFeatures) {

        Step {
            title = text(title);
            titleEn = text(titleEn);
            section = text(section);
            quote = text(quote);
            sections = texts(sections);
            features = texts(features);
            collections = texts(collections);
        }

        /** Whether the features whose planRefs name the step's sections are framed too (default true). */
        boolean withSectionFeatures() {
            return sectionFeatures == null || sectionFeatures;
        }

        @AssertTrue(message = "nothing to show on the map: give features, collections or sectionFeatures: true")
        boolean isShowingSomething() {
            return !features.isEmpty() || !collections.isEmpty() || withSectionFeatures();
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> texts(List<String> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).map(String::strip).toList();
    }
}
