package org.planmap.tour;

/**
 * Why a tour file cannot be shown.
 *
 * @param file    the file name ({@code broken.json})
 * @param step    1-based step number, or {@code null} for the file as a whole
 * @param reason  what is wrong ({@code unknown feature id 'zone-nowhere'})
 * @param message the three joined, as shown to the user: {@code broken.json step 2: unknown feature id 'zone-nowhere'}
 */
public record TourProblem(String file, Integer step, String reason, String message) {

    static TourProblem of(String file, Integer step, String reason) {
        return new TourProblem(file, step, reason, file + (step == null ? "" : " step " + step) + ": " + reason);
    }
}
