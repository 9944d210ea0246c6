package org.planmap.tour;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.GeodataProperties;
import org.planmap.indicators.IndicatorCatalog;
import org.planmap.indicators.Indicators;
import tools.jackson.databind.json.JsonMapper;

/** Tour files of {@code src/test/resources/tours/} against a snapshot of the plan and the four ch. 16 zones. */
class TourValidationTests {

    private static DataSnapshot data;
    private static TourRepository.Listing listing;

    @BeforeAll
    static void resolve() throws Exception {
        WKTReader wkt = new WKTReader();
        List<StoredFeature> zones = new ArrayList<>();
        String[][] defs = {{"zone-barrier-jinyun", "106.28"}, {"zone-west", "106.31"},
            {"zone-barrier-zhongliang", "106.39"}, {"zone-east", "106.41"}};
        for (String[] d : defs) {
            double x = Double.parseDouble(d[1]);
            zones.add(new StoredFeature(d[0], "zones", d[0], d[0], "schematic", d[0], null,
                    Map.of("planRefs", List.of()), wkt.read("POLYGON((" + x + " 29.5, " + (x + 0.02) + " 29.5, "
                            + (x + 0.02) + " 29.8, " + x + " 29.8, " + x + " 29.5))")));
        }
        data = DataSnapshot.of(new IndicatorCatalog(Path.of("geodata")).plan(), Map.of(), zones, List.of());
        listing = repository("src/test/resources/tours").resolve(data);
    }

    static TourRepository repository(String dir) {
        var validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        return new TourRepository(new TourProperties(Path.of(dir), 4), JsonMapper.builder().build(), validator, null,
                new Indicators(new GeodataProperties(Path.of("geodata"))), new CollectionRegistry());
    }

    private List<String> messages() {
        return listing.problems().stream().map(TourProblem::message).toList();
    }

    @Test
    void onlyTheGoodTourIsListed() {
        assertThat(listing.tours()).extracting(Tour::id).containsExactly("good");
    }

    @Test
    void goodTourIsResolved() {
        Tour good = listing.tours().get(0);
        assertThat(good.steps()).hasSize(3);
        Tour.Step first = good.steps().get(0);
        assertThat(first.features()).containsExactly("zone-east");
        assertThat(first.bbox()).containsExactly(new double[] {106.41, 29.5, 106.43, 29.8}, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.sectionTitle()).isEqualTo("第一节 东部人文母城");
        // no quote given: the section's first sentence
        assertThat(good.steps().get(1).quote()).startsWith("西部现代新城由重庆国际物流城").endsWith("核心载体。");
    }

    @Test
    void badJsonNamesTheFileAndTheLine() {
        assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("broken-json.json: not valid JSON at line 4"));
    }

    @Test
    void missingStepTitle() {
        assertThat(messages()).contains("missing-title.json step 2: missing title");
    }

    @Test
    void unknownFeatureId() {
        assertThat(messages()).contains("unknown-feature.json step 2: unknown feature id 'zone-nowhere'");
    }

    @Test
    void unknownSectionId() {
        assertThat(messages()).contains("unknown-section.json step 1: unknown section id 'p6-c99-s1'");
    }

    @Test
    void quoteMustBeVerbatimAndShort() {
        assertThat(messages()).contains("bad-quote.json step 1: quote is not in section p6-c16-s1: “东部人文母城是一座月球上的城市。”",
                "bad-quote.json step 2: quote has 3 sentences, at most 2");
    }

    @Test
    void problemsCarryFileAndStep() {
        List<TourProblem> ps = listing.problems().stream().filter(x -> x.file().equals("unknown-feature.json")).toList();
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).step()).isEqualTo(2);
        assertThat(ps.get(0).reason()).isEqualTo("unknown feature id 'zone-nowhere'");
    }

    @Test
    void shippedToursAreValidAgainstTheZones() {
        TourRepository.Listing shipped = repository("geodata/tours").resolve(data);
        assertThat(shipped.problems()).isEmpty();
        assertThat(shipped.tours()).extracting(Tour::id).containsExactly("default", "west-new-city");
        assertThat(shipped.tours().get(1).steps()).hasSize(5);
    }
}
