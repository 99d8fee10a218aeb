package nhssm.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CloudFormationYamlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parse_shouldTurnShortFormTagsIntoLongForm() throws IOException {
        JsonNode tree = CloudFormationYaml.parse("""
                A: !Ref SurveyTable
                B: !GetAtt SurveyTable.StreamArn
                C: !Sub "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"
                D: !Join [",", [a, !Ref X]]
                E: !If
                  - Cond
                  - 1
                  - !GetAtt [T, Arn]
                F: plain
                G: 600
                H: !!str 600
                """);

        assertThat(tree).isEqualTo(json("""
                {
                  "A": {"Ref": "SurveyTable"},
                  "B": {"Fn::GetAtt": ["SurveyTable", "StreamArn"]},
                  "C": {"Fn::Sub": "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"},
                  "D": {"Fn::Join": [",", ["a", {"Ref": "X"}]]},
                  "E": {"Fn::If": ["Cond", 1, {"Fn::GetAtt": ["T", "Arn"]}]},
                  "F": "plain",
                  "G": 600,
                  "H": "600"
                }
                """));
    }

    @Test
    void read_shouldReadTheProjectTemplate() {
        JsonNode template = CloudFormationYaml.read(TemplateTable.locateTemplate());

        JsonNode variables = template.at("/Resources/CollectFunction/Properties/Environment/Variables");
        assertThat(variables.get("TABLE_NAME")).isEqualTo(json("{\"Ref\": \"SurveyTable\"}"));
        assertThat(template.at("/Outputs/ApiUrl/Value").has("Fn::Sub")).isTrue();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
