package org.planmap.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planmap.system.ApiException;
import tools.jackson.databind.json.JsonMapper;

/** Parsing a resident's comment: what is kept, what is refused, and the word list (no app context). */
class CommentSubmissionTests {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ConsultationProperties LIMITS = new ConsultationProperties(null, null, null, null, null, null, null, List.of("骗子"), null);

    static CommentSubmission parse(String json) {
        return CommentSubmission.parse(JSON.readTree(json), LIMITS);
    }

    @Test
    void controlAndDirectionCharactersAreDroppedLineBreaksKept() {
        CommentSubmission s = parse("{\"topic\":\"Suggestion\",\"text\":\"第一行\\n第二行\\u0007\\u202e<b>x</b>\",\"point\":[106.4,29.6]}");
        assertThat(s.text()).isEqualTo("第一行\n第二行<b>x</b>");
        assertThat(s.topic()).isEqualTo(Comment.Topic.SUGGESTION);
        assertThat(s.anchorKind()).isEqualTo(Comment.AnchorKind.POINT);
        assertThat(s.geometry().getCoordinate().x).isEqualTo(106.4);
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        String emoji = "😀".repeat(1000); // 2,000 UTF-16 units, 1,000 characters
        assertThat(parse("{\"topic\":\"support\",\"text\":\"" + emoji + "\",\"planRef\":\"p6\"}").text()).hasSize(2000);
        assertThatThrownBy(() -> parse("{\"topic\":\"support\",\"text\":\"" + emoji + "😀\",\"planRef\":\"p6\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.limit()).isEqualTo("max-text-length"));
    }

    @Test
    void anAreaMustBeOneValidPolygon() {
        assertThatThrownBy(() -> parse("{\"topic\":\"support\",\"text\":\"x\",\"area\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[106.40,29.50],[106.45,29.55],[106.45,29.50],[106.40,29.55],[106.40,29.50]]]}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.parameter()).isEqualTo("area"));
        assertThatThrownBy(() -> parse("{\"topic\":\"support\",\"text\":\"x\",\"area\":{\"type\":\"Point\",\"coordinates\":[106.4,29.6]}}"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void textFieldsMustBeText() {
        assertThatThrownBy(() -> parse("{\"topic\":\"support\",\"text\":[\"x\"],\"planRef\":\"p6\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.parameter()).isEqualTo("text"));
    }

    @Test
    void theWordListFlagsCaseInsensitiveSubstringsAndTheBundledListLoads() {
        assertThat(new WordList(LIMITS).hits("他是个骗子")).containsExactly("骗子");
        ConsultationProperties defaults = new ConsultationProperties(null, null, null, null, null, null, null, null, null);
        assertThat(new WordList(defaults).hits("See HTTPS://spam.example")).containsExactly("https://");
        assertThat(new WordList(defaults).hits("请在这里建公园")).isEmpty();
    }
}
