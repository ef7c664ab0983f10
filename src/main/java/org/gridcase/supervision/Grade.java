package org.gridcase.supervision;

/** The four grades of 双月考评, in the fixed ratio 1:3:5:1. */
enum Grade {
  GOOD("好", 1), FAIRLY_GOOD("较好", 3), AVERAGE("一般", 5), POOR("差", 1);

  private final String label;
  private final int share;

  Grade(String label, int share) {
    this.label = label;
    this.share = share;
  }

  String label() {
    return label;
  }

  /**
   * How many of {@code n} get each grade: n × share ÷ 10 rounded down, then the places left over go one each to
   * the grades with the largest remainders (on equal remainders, the better grade first). 287 → 29/86/143/29.
   */
  static int[] quotas(int n) {
    Grade[] grades = values();
    int[] quotas = new int[grades.length];
    long[] remainders = new long[grades.length];
    int given = 0;
    for (int i = 0; i < grades.length; i++) {
      quotas[i] = n * grades[i].share / 10;
      remainders[i] = (long) n * grades[i].share % 10;
      given += quotas[i];
    }
    for (int left = n - given; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < grades.length; i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      quotas[best]++;
      remainders[best] = -1;
    }
    return quotas;
  }
}
