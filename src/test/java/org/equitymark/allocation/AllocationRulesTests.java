package org.equitymark.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.allocation.Assessor.Gender.MAN;
import static org.equitymark.allocation.Assessor.Gender.NON_BINARY;
import static org.equitymark.allocation.Assessor.Gender.WOMAN;
import static org.equitymark.allocation.Assessor.Minoritised.NO;
import static org.equitymark.allocation.Assessor.Minoritised.YES;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.equitymark.allocation.AllocationRules.Allocation;
import org.equitymark.framework.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each roster is chosen so that breaking one rule changes the answer: the assessor a broken rule
 * would pick is always the one that looks best by the other rules (least loaded, first by id).
 */
class AllocationRulesTests {

  private static final String ORGANISATION = "org-42";

  // conflicts of interest and excluded people

  @Test
  void shouldSkipTheLeastLoadedAssessorWhenItDeclaredATieWithTheOrganisation() {
    // given: amy and bea are equally loaded, amy first by id, but amy declared a tie
    Assessor amy = assessor("amy", WOMAN, YES, 0, ORGANISATION);
    Assessor bea = assessor("bea", WOMAN, NO, 0);
    Assessor cal = assessor("cal", MAN, NO, 1);
    List<Assessor> pool = List.of(amy, bea, cal);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(pool, ORGANISATION, Level.FOUNDATION, Set.of());

    // then
    assertThat(allocation).map(Allocation::lead).contains(bea);
    assertThat(AllocationRules.eligible(pool, ORGANISATION, Set.of())).containsExactly(bea, cal);
  }

  @Test
  void shouldAllowAnAssessorWhoseTiesAreWithOtherOrganisations() {
    // given
    Assessor amy = assessor("amy", WOMAN, YES, 0, "org-1", "org-7");
    Assessor bea = assessor("bea", WOMAN, NO, 1, ORGANISATION);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(bea, amy), ORGANISATION, Level.DEVELOPING,
        Set.of());

    // then
    assertThat(allocation).map(Allocation::lead).contains(amy);
  }

  @Test
  void shouldLeaveAConflictedAssessorOutOfThePanelEvenWhenItWouldMakeTheCheapestPanel() {
    // given: without the conflict, {lea, ida, joe} would be the cheapest valid panel
    Assessor lea = assessor("lea", WOMAN, NO, 0);
    Assessor ida = assessor("ida", WOMAN, YES, 1, ORGANISATION);
    Assessor joe = assessor("joe", MAN, YES, 2);
    Assessor kim = assessor("kim", WOMAN, NO, 5);
    List<Assessor> pool = List.of(lea, ida, joe, kim);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(pool, ORGANISATION, Level.COMPETENCE, Set.of());

    // then
    assertThat(allocation).isPresent();
    assertThat(allocation.get().lead()).isEqualTo(lea);
    assertThat(allocation.get().panel()).containsExactlyInAnyOrder(lea, joe, kim).doesNotContain(ida);
  }

  @Test
  void shouldNeverChooseTheCaseSupportOfficerOrAPreviousLeadAsLead() {
    // given: the two least loaded assessors are excluded from this case
    Assessor supportOfficer = assessor("aaron", WOMAN, YES, 0);
    Assessor previousLead = assessor("abby", WOMAN, YES, 0);
    Assessor carl = assessor("carl", MAN, NO, 3);
    Set<String> excluded = Set.of("aaron", "abby");

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(supportOfficer, previousLead, carl),
        ORGANISATION, Level.FOUNDATION, excluded);

    // then
    assertThat(allocation).map(Allocation::lead).contains(carl);
  }

  @Test
  void shouldNeverPutAnExcludedAssessorOnThePanel() {
    // given: the excluded support officer would otherwise make the cheapest valid panel
    Assessor lea = assessor("lea", WOMAN, NO, 0);
    Assessor supportOfficer = assessor("sam", WOMAN, YES, 1);
    Assessor previousLead = assessor("pat", MAN, YES, 1);
    Assessor joe = assessor("joe", MAN, YES, 2);
    Assessor kim = assessor("kim", WOMAN, NO, 6);
    List<Assessor> pool = List.of(lea, supportOfficer, previousLead, joe, kim);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(pool, ORGANISATION, Level.EXCELLENCE,
        Set.of("sam", "pat"));

    // then
    assertThat(allocation).isPresent();
    assertThat(allocation.get().lead()).isEqualTo(lea);
    assertThat(allocation.get().panel()).containsExactlyInAnyOrder(lea, joe, kim);
  }

  @Test
  void shouldFindNobodyWhenEveryAssessorIsConflictedOrExcluded() {
    // given
    List<Assessor> pool = List.of(assessor("amy", WOMAN, YES, 0, ORGANISATION), assessor("bob", MAN, NO, 0));

    // then
    assertThat(AllocationRules.allocate(pool, ORGANISATION, Level.FOUNDATION, Set.of("bob"))).isEmpty();
    assertThat(AllocationRules.eligible(pool, ORGANISATION, Set.of("bob"))).isEmpty();
  }

  // load

  @Test
  void shouldOrderEligibleAssessorsLeastLoadedFirstAndTiesByUserId() {
    // given: the pool is in neither load nor id order; zoe and amy tie on load
    Assessor bob = assessor("bob", MAN, NO, 3);
    Assessor zoe = assessor("zoe", WOMAN, NO, 1);
    Assessor max = assessor("max", MAN, YES, 0);
    Assessor amy = assessor("amy", WOMAN, YES, 1);
    Assessor cat = assessor("cat", WOMAN, NO, 2);

    // when
    List<Assessor> eligible = AllocationRules.eligible(List.of(bob, zoe, max, amy, cat), ORGANISATION, Set.of());

    // then
    assertThat(eligible).containsExactly(max, amy, zoe, cat, bob);
  }

  @Test
  void shouldLeadWithTheLeastLoadedAssessorRatherThanTheFirstById() {
    // given
    Assessor amy = assessor("amy", WOMAN, YES, 4);
    Assessor zed = assessor("zed", MAN, NO, 1);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(amy, zed), ORGANISATION, Level.DEVELOPING,
        Set.of());

    // then
    assertThat(allocation).map(Allocation::lead).contains(zed);
  }

  @Test
  void shouldBreakATieOnLoadByUserId() {
    // given: equally loaded, zed listed first
    Assessor zed = assessor("zed", MAN, NO, 2);
    Assessor amy = assessor("amy", WOMAN, YES, 2);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(zed, amy), ORGANISATION, Level.FOUNDATION,
        Set.of());

    // then
    assertThat(allocation).map(Allocation::lead).contains(amy);
  }

  // panel or no panel

  @ParameterizedTest
  @EnumSource(value = Level.class, names = {"FOUNDATION", "DEVELOPING"})
  void shouldAllocateALeadWithoutPanelBelowCompetence(Level target) {
    // given: a pool that could form a valid panel
    List<Assessor> pool = List.of(assessor("amy", WOMAN, YES, 0), assessor("bea", WOMAN, NO, 1),
        assessor("cal", MAN, NO, 2));

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(pool, ORGANISATION, target, Set.of());

    // then
    assertThat(allocation).isPresent();
    assertThat(allocation.get().lead().userId()).isEqualTo("amy");
    assertThat(allocation.get().panel()).isEmpty();
    assertThat(AllocationRules.needsPanel(target)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = Level.class, names = {"FOUNDATION", "DEVELOPING"})
  void shouldAllocateALoneLeadBelowCompetenceEvenWhenNoPanelCouldBeFormed(Level target) {
    // given: one man, no declarations that would make a panel
    Assessor bob = assessor("bob", MAN, NO, 0);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(bob), ORGANISATION, target, Set.of());

    // then
    assertThat(allocation).contains(new Allocation(bob, List.of()));
  }

  @ParameterizedTest
  @EnumSource(value = Level.class, names = {"COMPETENCE", "EXCELLENCE"})
  void shouldAllocateAPanelOfThreeIncludingTheLeadFromCompetence(Level target) {
    // given
    Assessor amy = assessor("amy", WOMAN, YES, 0);
    Assessor bea = assessor("bea", WOMAN, NO, 1);
    Assessor cal = assessor("cal", MAN, NO, 2);
    Assessor dan = assessor("dan", MAN, NO, 3);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(dan, cal, bea, amy), ORGANISATION, target,
        Set.of());

    // then
    assertThat(AllocationRules.needsPanel(target)).isTrue();
    assertThat(allocation).isPresent();
    assertThat(allocation.get().lead()).isEqualTo(amy);
    assertThat(allocation.get().panel()).hasSize(AllocationRules.PANEL_SIZE).containsExactlyInAnyOrder(amy, bea, cal);
  }

  // the panel commitment inside the allocation

  @Test
  void shouldRequireTwoWomenOfThreeEvenWhenThatCostsMoreLoad() {
    // given: the cheapest pair (bob, cal) leaves one woman of three
    Assessor ann = assessor("ann", WOMAN, YES, 0);
    Assessor bob = assessor("bob", MAN, NO, 1);
    Assessor cal = assessor("cal", MAN, YES, 2);
    Assessor wen = assessor("wen", WOMAN, NO, 9);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(ann, bob, cal, wen), ORGANISATION,
        Level.COMPETENCE, Set.of());

    // then
    assertThat(allocation).isPresent();
    assertThat(allocation.get().panel()).containsExactlyInAnyOrder(ann, bob, wen);
    assertMeetsTheCommitment(allocation.get());
  }

  @Test
  void shouldRequireOneMinoritisedMemberOfThreeEvenWhenThatCostsMoreLoad() {
    // given: the cheapest pair (bea, cal) leaves nobody from a minoritised community
    Assessor ann = assessor("ann", WOMAN, NO, 0);
    Assessor bea = assessor("bea", WOMAN, NO, 1);
    Assessor cal = assessor("cal", MAN, NO, 2);
    Assessor mo = assessor("mo", MAN, YES, 9);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(ann, bea, cal, mo), ORGANISATION,
        Level.EXCELLENCE, Set.of());

    // then
    assertThat(allocation).isPresent();
    assertThat(allocation.get().panel()).containsExactlyInAnyOrder(ann, bea, mo);
    assertMeetsTheCommitment(allocation.get());
  }

  @Test
  void shouldNotCountAnUndeclaredGenderAsAWoman() {
    // given: the cheapest pair (nia, bob) would need nia counted as a woman
    Assessor ann = assessor("ann", WOMAN, YES, 0);
    Assessor nia = assessor("nia", Assessor.Gender.NOT_DECLARED, Assessor.Minoritised.NOT_DECLARED, 1);
    Assessor bob = assessor("bob", MAN, NO, 2);
    Assessor wen = assessor("wen", WOMAN, NO, 9);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(ann, nia, bob, wen), ORGANISATION,
        Level.COMPETENCE, Set.of());

    // then
    assertThat(allocation).isPresent();
    assertThat(allocation.get().panel()).containsExactlyInAnyOrder(ann, nia, wen);
  }

  @Test
  void shouldNotCountAnUndeclaredBackgroundAsMinoritised() {
    // given: the cheapest pair (bea, nia) would need nia counted as minoritised
    Assessor ann = assessor("ann", WOMAN, NO, 0);
    Assessor bea = assessor("bea", WOMAN, NO, 1);
    Assessor nia = assessor("nia", MAN, Assessor.Minoritised.NOT_DECLARED, 2);
    Assessor mo = assessor("mo", MAN, YES, 9);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(ann, bea, nia, mo), ORGANISATION,
        Level.COMPETENCE, Set.of());

    // then
    assertThat(allocation).isPresent();
    assertThat(allocation.get().panel()).containsExactlyInAnyOrder(ann, bea, mo);
  }

  @Test
  void shouldLeadWithTheNextLeastLoadedWhenTheLeastLoadedCannotFormAValidPanel() {
    // given: every panel with al has at most one woman or nobody minoritised; {mo, wen, wyn} is valid
    Assessor al = assessor("al", MAN, NO, 0);
    Assessor mo = assessor("mo", MAN, YES, 1);
    Assessor wen = assessor("wen", WOMAN, NO, 2);
    Assessor wyn = assessor("wyn", WOMAN, NO, 3);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(al, mo, wen, wyn), ORGANISATION,
        Level.COMPETENCE, Set.of());

    // then
    assertThat(allocation).isPresent();
    assertThat(allocation.get().lead()).isEqualTo(mo);
    assertThat(allocation.get().panel()).containsExactlyInAnyOrder(mo, wen, wyn).doesNotContain(al);
    assertMeetsTheCommitment(allocation.get());
  }

  @Test
  void shouldFindNoAllocationWhenNoPanelMeetsTheCommitment() {
    // given: only one woman in the pool
    List<Assessor> oneWoman = List.of(assessor("amy", WOMAN, YES, 0), assessor("bob", MAN, YES, 0),
        assessor("cal", MAN, NO, 1), assessor("dan", NON_BINARY, YES, 2));
    // women enough, but nobody declared a minoritised background
    List<Assessor> nobodyMinoritised = List.of(assessor("amy", WOMAN, NO, 0), assessor("bea", WOMAN, NO, 0),
        assessor("cat", WOMAN, Assessor.Minoritised.NOT_DECLARED, 1), assessor("dan", MAN, NO, 2));

    // then
    assertThat(AllocationRules.allocate(oneWoman, ORGANISATION, Level.COMPETENCE, Set.of())).isEmpty();
    assertThat(AllocationRules.allocate(nobodyMinoritised, ORGANISATION, Level.EXCELLENCE, Set.of())).isEmpty();
  }

  @Test
  void shouldFindNoAllocationWhenTheOnlyValidPanelNeedsAConflictedOrExcludedAssessor() {
    // given: amy is the only minoritised assessor; bea the only second woman
    List<Assessor> pool = List.of(assessor("amy", WOMAN, YES, 0, ORGANISATION), assessor("bea", WOMAN, NO, 1),
        assessor("cal", MAN, NO, 1), assessor("wyn", WOMAN, NO, 2));
    List<Assessor> poolWithSupportOfficer = List.of(assessor("amy", WOMAN, YES, 0), assessor("bea", WOMAN, NO, 1),
        assessor("cal", MAN, NO, 1));

    // then
    assertThat(AllocationRules.allocate(pool, ORGANISATION, Level.COMPETENCE, Set.of())).isEmpty();
    assertThat(AllocationRules.allocate(poolWithSupportOfficer, ORGANISATION, Level.COMPETENCE, Set.of("amy")))
        .isEmpty();
  }

  @Test
  void shouldFindNoAllocationWithFewerThanThreeEligibleAssessors() {
    // given: two who would be a valid pair
    List<Assessor> pool = List.of(assessor("amy", WOMAN, YES, 0), assessor("bea", WOMAN, YES, 1));

    // then
    assertThat(AllocationRules.allocate(pool, ORGANISATION, Level.COMPETENCE, Set.of())).isEmpty();
  }

  @Test
  void shouldChooseTheValidPanelWhoseTwoOtherMembersCarryTheLeastLoad() {
    // given: lea leads (least loaded). With the others in load order (oli 1, wen 2, mo 3, xia 10), the
    // valid pairs are (oli, xia) = 11, (wen, mo) = 5, (wen, xia) = 12, (mo, xia) = 13: the first found
    // and the last found are both more loaded than (wen, mo)
    Assessor lea = assessor("lea", WOMAN, NO, 0);
    Assessor oli = assessor("oli", MAN, NO, 1);
    Assessor wen = assessor("wen", WOMAN, NO, 2);
    Assessor mo = assessor("mo", MAN, YES, 3);
    Assessor xia = assessor("xia", WOMAN, YES, 10);

    // when
    Optional<Allocation> allocation = AllocationRules.allocate(List.of(xia, mo, wen, oli, lea), ORGANISATION,
        Level.COMPETENCE, Set.of());

    // then
    assertThat(allocation).isPresent();
    assertThat(allocation.get().lead()).isEqualTo(lea);
    assertThat(allocation.get().panel()).containsExactlyInAnyOrder(lea, wen, mo);
  }

  // meetsPanelCommitment

  @Test
  void shouldFailTheCommitmentWithOneWomanOfThree() {
    assertThat(AllocationRules.meetsPanelCommitment(List.of(
        assessor("a", WOMAN, YES, 0), assessor("b", MAN, YES, 0), assessor("c", MAN, YES, 0)))).isFalse();
  }

  @Test
  void shouldPassTheCommitmentWithTwoWomenAndOneMinoritisedOfThree() {
    assertThat(AllocationRules.meetsPanelCommitment(List.of(
        assessor("a", WOMAN, NO, 0), assessor("b", WOMAN, NO, 0), assessor("c", MAN, YES, 0)))).isTrue();
    assertThat(AllocationRules.meetsPanelCommitment(List.of(
        assessor("a", WOMAN, YES, 0), assessor("b", WOMAN, YES, 0), assessor("c", WOMAN, YES, 0)))).isTrue();
  }

  @Test
  void shouldFailTheCommitmentWithNobodyMinoritised() {
    assertThat(AllocationRules.meetsPanelCommitment(List.of(
        assessor("a", WOMAN, NO, 0), assessor("b", WOMAN, NO, 0), assessor("c", WOMAN, NO, 0)))).isFalse();
  }

  @Test
  void shouldCountNeitherNonBinaryNorUndeclaredGenderAsWomen() {
    assertThat(AllocationRules.meetsPanelCommitment(List.of(
        assessor("a", WOMAN, YES, 0), assessor("b", NON_BINARY, YES, 0), assessor("c", MAN, YES, 0)))).isFalse();
    assertThat(AllocationRules.meetsPanelCommitment(List.of(assessor("a", WOMAN, YES, 0),
        assessor("b", Assessor.Gender.NOT_DECLARED, YES, 0), assessor("c", MAN, YES, 0)))).isFalse();
  }

  @Test
  void shouldNotCountAnUndeclaredBackgroundTowardsTheMinoritisedShare() {
    assertThat(AllocationRules.meetsPanelCommitment(List.of(assessor("a", WOMAN, Assessor.Minoritised.NOT_DECLARED, 0),
        assessor("b", WOMAN, Assessor.Minoritised.NOT_DECLARED, 0), assessor("c", MAN, NO, 0)))).isFalse();
  }

  @Test
  void shouldPassTheCommitmentAtExactlyHalfWomen() {
    // at least 50%: two women of four is enough, one of four is not
    assertThat(AllocationRules.meetsPanelCommitment(List.of(assessor("a", WOMAN, YES, 0),
        assessor("b", WOMAN, NO, 0), assessor("c", MAN, NO, 0), assessor("d", MAN, NO, 0)))).isTrue();
    assertThat(AllocationRules.meetsPanelCommitment(List.of(assessor("a", WOMAN, YES, 0),
        assessor("b", NON_BINARY, NO, 0), assessor("c", MAN, NO, 0), assessor("d", MAN, NO, 0)))).isFalse();
  }

  @Test
  void shouldPassTheCommitmentAtExactlyOneFifthMinoritised() {
    // at least 20%: one minoritised member of five is enough, none of five is not
    assertThat(AllocationRules.meetsPanelCommitment(List.of(assessor("a", WOMAN, YES, 0),
        assessor("b", WOMAN, NO, 0), assessor("c", WOMAN, NO, 0), assessor("d", MAN, NO, 0),
        assessor("e", MAN, NO, 0)))).isTrue();
    assertThat(AllocationRules.meetsPanelCommitment(List.of(assessor("a", WOMAN, NO, 0),
        assessor("b", WOMAN, NO, 0), assessor("c", WOMAN, NO, 0), assessor("d", MAN, NO, 0),
        assessor("e", MAN, Assessor.Minoritised.NOT_DECLARED, 0)))).isFalse();
  }

  private static Assessor assessor(String userId, Assessor.Gender gender, Assessor.Minoritised minoritised, int load,
      String... conflicts) {
    return new Assessor(userId, userId.toUpperCase(), gender, minoritised, Set.of(conflicts), load);
  }

  /** Counted here, not with meetsPanelCommitment, so that a broken commitment cannot vouch for itself. */
  private static void assertMeetsTheCommitment(Allocation allocation) {
    List<Assessor> panel = allocation.panel();
    assertThat(panel).hasSize(3).contains(allocation.lead()).doesNotHaveDuplicates();
    assertThat(panel.stream().filter(a -> a.gender() == WOMAN).count()).as("women").isGreaterThanOrEqualTo(2);
    assertThat(panel.stream().filter(a -> a.minoritised() == YES).count()).as("minoritised").isGreaterThanOrEqualTo(1);
  }
}
