package org.planmap.tour;

import java.util.List;
import org.planmap.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Presenter tours: {@code GET /api/tours} (valid tours and the problems of the others), {@code /api/tours/{id}}. */
@RestController
class TourController {

    private final TourRepository tours;

    TourController(TourRepository tours) {
        this.tours = tours;
    }

    record TourList(List<Tour.Summary> tours, List<TourProblem> problems) {
    }

    @GetMapping("/api/tours")
    TourList list() {
        TourRepository.Listing listing = tours.load();
        return new TourList(listing.tours().stream().map(Tour::summary).toList(), listing.problems());
    }

    @GetMapping("/api/tours/{id}")
    Tour tour(@PathVariable String id) {
        return tours.find(id).orElseThrow(() -> {
            List<TourProblem> problems = tours.problemsOf(id);
            if (problems.isEmpty()) {
                return ApiException.notFound("tour", id);
            }
            return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, String.join("; ",
                    problems.stream().map(TourProblem::message).toList()), null, id);
        });
    }
}
