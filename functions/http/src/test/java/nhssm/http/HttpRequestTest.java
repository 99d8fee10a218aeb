package nhssm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding AWS's own sample events (copies in src/test/resources/aws-reference, provenance beside them). */
class HttpRequestTest {

    @Test
    void from_shouldDecodeTheBase64Body_whenAwsMarksItIsBase64Encoded() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("aws-reference/HttpApi.rendered-defaults.json");

        HttpRequest request = HttpRequest.from(event);

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"test\":\"body\"}");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/path/to/resource");
        assertThat(request.rawQueryString()).isEqualTo("parameter1=value1&parameter1=value2&parameter2=value");
        assertThat(request.cookies()).containsExactly("cookie1", "cookie2");
        assertThat(request.requestId()).isEqualTo("id");
    }

    @Test
    void from_shouldKeepAPlainBody_whenNotBase64Encoded() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("aws-reference/apigw_http_event.json");

        HttpRequest request = HttpRequest.from(event);

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("Hello from Lambda!!");
        assertThat(request.routeKey()).isEqualTo("$default");
        assertThat(request.pathParameter("parameter1")).contains("value1");
    }

    @Test
    void from_shouldFindHeadersByLowerCaseName_whenTheSampleUsesMixedCase() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("aws-reference/apigw_http_event.json");

        HttpRequest request = HttpRequest.from(event);

        assertThat(request.header("header2")).contains("value1,value2");
        assertThat(request.header("Header1")).contains("value1");
    }

    @Test
    void from_shouldRefuse_whenTheBodyClaimsBase64ButIsNot() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("aws-reference/HttpApi.rendered-defaults.json");
        event.setBody("not base64 at all!!");

        assertThatThrownBy(() -> HttpRequest.from(event)).isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void bearerToken_shouldReturnTheToken_whenTheSchemeIsBearerInAnyCase() {
        assertThat(withAuthorization("Bearer abc.def").bearerToken()).contains("abc.def");
        assertThat(withAuthorization("bearer   abc").bearerToken()).contains("abc");
        assertThat(withAuthorization("Basic abc").bearerToken()).isEmpty();
        assertThat(withAuthorization("Bearer ").bearerToken()).isEmpty();
    }

    @Test
    void contentType_shouldParseEssenceAndCharset_whenGiven() {
        MediaType type = MediaType.parse("Application/JSON; charset=\"utf-8\"").orElseThrow();

        assertThat(type.essence()).isEqualTo("application/json");
        assertThat(type.isUtf8()).isTrue();
        assertThat(MediaType.parse("text/plain; charset=latin1").orElseThrow().isUtf8()).isFalse();
        assertThat(MediaType.parse("no slash")).isEmpty();
    }

    private static HttpRequest withAuthorization(String value) {
        return new HttpRequest("GET /x", "GET", "/x", "", Map.of(), Map.of("Authorization", value), null, null, "r");
    }
}
