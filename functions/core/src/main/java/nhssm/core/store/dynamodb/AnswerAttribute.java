package nhssm.core.store.dynamodb;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import nhssm.core.response.Answer;
import nhssm.core.response.Answers;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.SurveyDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Answers as a DynamoDB map in their natural types (codes and text as S, numbers as N, several codes
 * as L), so the table reads plainly in the console and in stream records. Reading back needs the
 * survey definition to tell a code from text and a whole number from a scale point.
 */
final class AnswerAttribute {

    private AnswerAttribute() {
    }

    static AttributeValue toAttribute(Answers answers) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        answers.byQuestion().forEach((id, answer) -> map.put(id, toAttribute(answer)));
        return AttributeValue.fromM(map);
    }

    static AttributeValue toAttribute(Answer answer) {
        return switch (answer) {
            case Answer.Code c -> AttributeValue.fromS(c.code());
            case Answer.Codes c -> AttributeValue.fromL(c.codes().stream().map(AttributeValue::fromS).toList());
            case Answer.WholeNumber w -> AttributeValue.fromN(Long.toString(w.value()));
            case Answer.DecimalNumber d -> AttributeValue.fromN(d.value().toPlainString());
            case Answer.ScalePoint p -> AttributeValue.fromN(Integer.toString(p.value()));
            case Answer.Text t -> AttributeValue.fromS(t.text());
        };
    }

    static Answers fromAttribute(AttributeValue map, SurveyDefinition definition) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        // Definition order, so a response reads back in the order the survey asks its questions.
        definition.questions().forEach(q -> {
            AttributeValue value = map.m().get(q.id());
            if (value != null) {
                answers.put(q.id(), fromAttribute(q.answer(), value));
            }
        });
        map.m().keySet().stream()
                .filter(id -> definition.question(id).isEmpty())
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("stored answer to " + id + ", which definition "
                            + definition.definitionVersion() + " does not have");
                });
        return new Answers(answers);
    }

    static Answer fromAttribute(AnswerSpec spec, AttributeValue value) {
        return switch (spec) {
            case AnswerSpec.Single s -> new Answer.Code(value.s());
            case AnswerSpec.YesNo y -> new Answer.Code(value.s());
            case AnswerSpec.Multiple m -> new Answer.Codes(value.l().stream().map(AttributeValue::s).toList());
            case AnswerSpec.WholeNumber w -> new Answer.WholeNumber(Long.parseLong(value.n()));
            case AnswerSpec.DecimalNumber d -> new Answer.DecimalNumber(new BigDecimal(value.n()));
            case AnswerSpec.Likert l -> value.n() != null
                    ? new Answer.ScalePoint(Integer.parseInt(value.n()))
                    : new Answer.Code(value.s());
            case AnswerSpec.FreeText t -> new Answer.Text(value.s());
            case AnswerSpec.FromToken f -> throw new IllegalStateException("the trust is never stored as an answer");
        };
    }
}
