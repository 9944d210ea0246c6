package org.planmap.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.indicators.IndicatorCatalog;
import org.planmap.indicators.IndicatorLinks;
import tools.jackson.databind.json.JsonMapper;

/** Tour files of {@code src/test/resources/tours/} against a store holding the four ch. 16 zones. */
class TourValidationTests {

    private static IndicatorCatalog catalog;
    private TourRepository tours;

    @BeforeAll
    static void readPlan() {
        catalog = new IndicatorCatalog(new org.planmap.features.GeodataProperties(Path.of("geodata")));
    }

    @BeforeEach
    void store() throws Exception {
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
        FeatureRepository features = mock(FeatureRepository.class);
        when(features.get(anyString())).thenAnswer(
                i -> zones.stream().filter(z -> z.id().equals(i.getArgument(0))).findFirst());
        when(features.all(anyString())).thenAnswer(i -> "zones".equals(i.getArgument(0)) ? zones : List.of());
        when(features.getAll(anyCollection())).thenAnswer(i -> {
            Collection<?> ids = i.getArgument(0);
            return zones.stream().filter(z -> ids.contains(z.id())).toList();
        });
        CollectionRegistry registry = new CollectionRegistry();
        IndicatorLinks links = new IndicatorLinks(catalog, features, registry);
        tours = new TourRepository(new TourProperties(Path.of("src/test/resources/tours"), 4), JsonMapper.builder()
                .build(), catalog, links, features, registry);
    }

    private List<String> messages() {
        return tours.load().problems().stream().map(TourProblem::message).toList();
    }

    @Test
    void onlyTheGoodTourIsListed() {
        assertThat(tours.load().tours()).extracting(Tour::id).containsExactly("good");
    }

    @Test
    void goodTourIsResolved() {
        Tour good = tours.find("good").orElseThrow();
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
        TourProblem p = tours.load().problems().stream().filter(x -> x.file().equals("unknown-feature.json"))
                .findFirst().orElseThrow();
        assertThat(p.step()).isEqualTo(2);
        assertThat(p.reason()).isEqualTo("unknown feature id 'zone-nowhere'");
        assertThat(tours.problemsOf("unknown-feature")).hasSize(1);
    }

    @Test
    void shippedToursAreValidAgainstTheZones() {
        TourRepository shipped = new TourRepository(new TourProperties(Path.of("geodata/tours"), 4),
                JsonMapper.builder().build(), catalog, new IndicatorLinks(catalog, mockStoreWithZones(), new CollectionRegistry()),
                mockStoreWithZones(), new CollectionRegistry());
        assertThat(shipped.load().problems()).isEmpty();
        assertThat(shipped.load().tours()).extracting(Tour::id).containsExactly("default", "west-new-city");
        assertThat(shipped.find("west-new-city").orElseThrow().steps()).hasSize(5);
    }

    private FeatureRepository mockStoreWithZones() {
        FeatureRepository features = mock(FeatureRepository.class);
        when(features.get(anyString())).thenAnswer(i -> ((String) i.getArgument(0)).startsWith("zone-")
                ? Optional.of(new StoredFeature(i.getArgument(0), "zones", "z", "z", "schematic", null, null, Map.of(),
                        new org.locationtech.jts.geom.GeometryFactory().createPoint(
                                new org.locationtech.jts.geom.Coordinate(106.4, 29.6))))
                : Optional.empty());
        when(features.all(any())).thenReturn(List.of());
        when(features.getAll(anyCollection())).thenReturn(List.of());
        return features;
    }
}
