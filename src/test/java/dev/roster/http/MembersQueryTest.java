package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MembersQueryTest {
  @Test
  void readsAPagingWidgetsQueryWithoutAMap() {
    assertThat(MembersHandler.Query.paging("limit=100"))
        .isEqualTo(new MembersHandler.Query(null, 0, 100));
    assertThat(MembersHandler.Query.paging("offset=20&limit=10"))
        .isEqualTo(new MembersHandler.Query(null, 20, 10));
    assertThat(MembersHandler.Query.paging("offset=0"))
        .isEqualTo(new MembersHandler.Query(null, 0, null));
  }

  @Test
  void leavesEverythingElseToTheFullParser() {
    for (String query :
        new String[] {"limit=0", "limit=1001", "limit=", "limit=1&limit=2", "limit=%31",
            "ids=user_1", "limit=5&x=1", "limit=-1", "offset=1234567890", "limit=1e3"}) {
      assertThat(MembersHandler.Query.paging(query)).as(query).isNull();
    }
  }
}
