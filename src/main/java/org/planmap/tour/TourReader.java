package org.planmap.tour;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one tour file: JSON syntax, then binding to {@link TourFile}, then its Bean Validation constraints. The
 * result holds the bound file (or {@code null} when it could not be bound) and the reason of every violation by
 * property path ({@code title}, {@code steps}, {@code steps[1].section}, …).
 */
final class TourReader {
    private final JsonMapper json;
    private final Validator validator;

    TourReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** One file read: its name, the bound tour (null if unreadable) and the reasons by property path. */
    record Read(String file, TourFile tour, Map<String, String> violations) {
        String violation(String path) {
            return violations.get(path);
        }
    }

    Read read(Path path) {
        String file = path.getFileName().toString();
        TourFile tour;
        try {
            tour = json.readValue(Files.readString(path, StandardCharsets.UTF_8), TourFile.class);
        } catch (StreamReadException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return failed(file, "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (DatabindException e) {
            return failed(file, bindingProblem(e.getPath()), bindingPath(e.getPath()));
        } catch (JacksonException e) {
            return failed(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return failed(file, "cannot be read: " + e.getMessage());
        }
        if (tour == null) return failed(file, "must be a JSON object with \"title\" and \"steps\"");
        Map<String, String> violations = new LinkedHashMap<>();
        for (ConstraintViolation<TourFile> v : validator.validate(tour)) {
            violations.putIfAbsent(path(v), v.getMessage());
        }
        return new Read(file, tour, violations);
    }

    private static Read failed(String file, String reason) {
        return failed(file, reason, "");
    }

    private static Read failed(String file, String reason, String path) {
        return new Read(file, null, Map.of(path, reason));
    }

    /** The path of a violation as {@code steps[1].title}; a list element's own violation is {@code steps[1]}. */
    private static String path(ConstraintViolation<?> v) {
        StringBuilder out = new StringBuilder();
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            if (node.getIndex() != null) out.append('[').append(node.getIndex()).append(']');
            String name = node.getName();
            if (name == null || name.startsWith("<")) continue;
            if (!out.isEmpty()) out.append('.');
            out.append(name);
        }
        return out.toString();
    }

    /** For a value of the wrong JSON type, the message validation gives when that value is missing. */
    private static String bindingProblem(List<JacksonException.Reference> path) {
        if (path.isEmpty()) return "must be a JSON object with \"title\" and \"steps\"";
        boolean inStep = "steps".equals(path.get(0).getPropertyName());
        if (inStep && path.size() == 1) return "missing steps (a non-empty array)";
        if (inStep && path.size() == 2) return "a step must be a JSON object";
        String field = path.get(inStep ? 2 : 0).getPropertyName();
        return switch (String.valueOf(field)) {
            case "title" -> "missing title";
            case "section" -> "missing section (the plan section id the step quotes)";
            default -> "'" + field + "' has the wrong type";
        };
    }

    private static String bindingPath(List<JacksonException.Reference> path) {
        return path.size() >= 2 && "steps".equals(path.get(0).getPropertyName()) ? "steps[" + path.get(1).getIndex() + "]" : "";
    }
}
