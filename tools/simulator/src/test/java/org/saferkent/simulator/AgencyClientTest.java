package org.saferkent.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgencyClientTest {

    private static final ServiceUrls FIRST = ServiceUrls.LOCAL;
    private static final ServiceUrls SECOND = ServiceUrls.parse("referrals=http://127.0.0.1:18081,victims=http://127.0.0.1:18082");

    @Test
    void takesSeveralInstancesInTurnAndDropsOneAsALoadBalancerWould() {
        AgencyClient client = new AgencyClient(HttpClient.newHttpClient(),
                new TokenSource("http://127.0.0.1:1", HttpClient.newHttpClient(), java.time.Clock.systemUTC(), java.util.Map.of()), FIRST);
        assertThat(List.of(client.urls(), client.urls())).containsOnly(FIRST);

        client.instances(List.of(FIRST, SECOND));
        List<ServiceUrls> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(client.urls());
        }
        assertThat(calls).filteredOn(FIRST::equals).hasSize(3);
        assertThat(calls).filteredOn(SECOND::equals).hasSize(3);

        client.instances(List.of(FIRST));
        assertThat(List.of(client.urls(), client.urls())).containsOnly(FIRST);
        assertThatIllegalArgumentException().isThrownBy(() -> client.instances(List.of()));
    }
}
