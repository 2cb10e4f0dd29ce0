/**
 * Who orders when in the demo book: each customer gets a buying habit, so the book has the spread
 * of a real shop's customers (a few key accounts ordering every week, many ordering a few times a
 * year, some who stopped, some who came back, new ones, some filed who never ordered) instead of
 * everyone ordering ten times a year. The habits are aimed at the lifecycle stages the rules give
 * (customers.lifecycle.ts); the stages themselves still come from the orders. Deterministic for
 * the seeded generator; no order is dated before its customer was filed.
 */
import type { SeededRandom } from '../../seed/random';

/** How a customer buys over the seeded year, and the stage it leads to. */
export type BuyingHabit =
  | 'regular' // 6+ orders, still ordering → loyal
  | 'occasional' // 2–4 orders, the last within 90 days → active
  | 'fading' // stopped 91–180 days ago → at risk
  | 'lapsed' // stopped more than 180 days ago → churned
  | 'returning' // a pause of more than 180 days, then ordering again → won back
  | 'newcomer' // first order within 90 days → new
  | 'never'; // filed, never ordered → prospect

/** Shares of the customers filed more than 90 days ago. */
const HABITS_OF_ESTABLISHED: [BuyingHabit, number][] = [
  ['regular', 0.2],
  ['occasional', 0.34],
  ['fading', 0.13],
  ['lapsed', 0.16],
  ['returning', 0.04],
  ['newcomer', 0.04],
  ['never', 0.09],
];
/** Customers filed in the last 90 days: most have placed a first order. */
const HABITS_OF_RECENT: [BuyingHabit, number][] = [
  ['newcomer', 0.7],
  ['never', 0.3],
];

/** Orders are dated up to 364 days before the seed date (the 365-day window of the rules). */
const YEAR = 364;
/** Five orders in 365 days make a customer loyal; six leave room for one cancelled. */
const REGULAR_MINIMUM = 6;
/**
 * Pareto weights (α about 1.2, the 80/20 of sales) cut off at 12 times the smallest: the largest
 * key accounts order two or three times a week, not every hour.
 */
const PARETO_ALPHA = 1.2;
const PARETO_CAP = 12;

export interface FiledCustomer {
  id: string;
  /** Days between the day the customer was filed and the seed date. */
  daysOnFile: number;
}

export interface PlannedOrder {
  customer: number;
  /** Days before the seed date. */
  daysAgo: number;
}

interface Habit {
  habit: BuyingHabit;
  /** The orders every customer of the habit has, as days ago. */
  days: number[];
  /** Further orders go in [to, from] days ago, in proportion to weight × span; 0: none. */
  weight: number;
  from: number;
  to: number;
}

function pickHabit(random: SeededRandom, shares: [BuyingHabit, number][]): BuyingHabit {
  let roll = random.next();
  for (const [habit, share] of shares) {
    if (roll < share) return habit;
    roll -= share;
  }
  return shares[0]![0];
}

/** days[] with the first at `from`, the last at `to` and the rest anywhere between. */
function run(random: SeededRandom, count: number, from: number, to: number): number[] {
  const days = [from];
  if (count > 1) days.push(to);
  for (let i = 2; i < count; i++) days.push(random.int(to, from));
  return days;
}

function habitOf(random: SeededRandom, customer: FiledCustomer): Habit {
  const oldest = Math.min(customer.daysOnFile, YEAR);
  let habit = pickHabit(random, customer.daysOnFile <= 90 ? HABITS_OF_RECENT : HABITS_OF_ESTABLISHED);
  // Filed after the seed date (a test seeding an earlier day): nothing to order yet.
  if (customer.daysOnFile < 0) habit = 'never';
  // A customer filed a few months ago cannot have stopped half a year ago.
  if (habit === 'lapsed' && oldest < 181) habit = 'fading';
  if (habit === 'returning' && oldest < 261) habit = 'occasional';
  const weight = Math.min(PARETO_CAP, (1 - random.next()) ** (-1 / PARETO_ALPHA));
  const none = { weight: 0, from: 0, to: 0 };
  switch (habit) {
    case 'regular': {
      // Still ordering: one of the last month's orders, the rest anywhere since being filed.
      const days = [random.int(0, 30)];
      for (let i = 1; i < REGULAR_MINIMUM; i++) days.push(random.int(0, oldest));
      return { habit, days, weight, from: oldest, to: 0 };
    }
    case 'occasional': {
      // At most 180 days from first to last (a longer pause would make it a customer won back), and
      // buying since about then: a first order months back, not one that turned new → active this month.
      const to = random.int(0, 89);
      const longest = Math.max(91, Math.min(oldest, to + 180));
      const from = random.int(Math.max(91, longest - 40), longest);
      return { habit, days: run(random, random.int(2, 4), from, to), ...none };
    }
    case 'fading':
    case 'lapsed': {
      const to = habit === 'fading' ? random.int(91, Math.min(180, Math.max(91, oldest))) : random.int(181, oldest);
      const from = random.int(to, Math.max(to, oldest));
      return { habit, days: [to], weight, from, to };
    }
    case 'returning': {
      const to = random.int(0, 60);
      const back = run(random, random.int(1, 2), random.int(to, to + 20), to);
      const stoppedAt = random.int(back[0]! + 181, oldest);
      return { habit, days: [...back, ...run(random, random.int(1, 2), random.int(stoppedAt, oldest), stoppedAt)], ...none };
    }
    case 'newcomer': {
      const from = random.int(0, Math.min(89, customer.daysOnFile));
      return { habit, days: run(random, random.int(1, 3), from, random.int(0, from)), ...none };
    }
    case 'never':
      return { habit, days: [], ...none };
  }
}

/**
 * The year's orders: `count` of them (the habits' own first, the rest to the customers still
 * ordering by weight), in date order and shuffled within a day. Below about three orders a
 * customer the habits' own orders are more than `count`: a random `count` of them are kept.
 */
export function planOrders(random: SeededRandom, customers: readonly FiledCustomer[], count: number): { orders: PlannedOrder[]; habits: BuyingHabit[] } {
  const habits = customers.map((c) => habitOf(random, c));
  let planned: PlannedOrder[] = habits.flatMap((h, customer) => h.days.map((daysAgo) => ({ customer, daysAgo })));
  if (planned.length > count) {
    shuffle(random, planned);
    planned = planned.slice(0, count);
  }
  // The rest by weight × span: one draw each over the running total.
  const totals: number[] = [];
  let total = 0;
  for (const h of habits) totals.push((total += h.weight * (h.from - h.to + 1)));
  for (let n = planned.length; n < count && total > 0; n++) {
    const customer = firstAbove(totals, random.next() * total);
    const h = habits[customer]!;
    planned.push({ customer, daysAgo: random.int(h.to, h.from) });
  }
  return { orders: inDateOrder(random, planned), habits: habits.map((h) => h.habit) };
}

function firstAbove(totals: readonly number[], value: number): number {
  let lo = 0;
  let hi = totals.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (totals[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function shuffle<T>(random: SeededRandom, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Oldest first; within a day in random order, so one day's order numbers are not one customer's. */
function inDateOrder(random: SeededRandom, orders: PlannedOrder[]): PlannedOrder[] {
  shuffle(random, orders);
  const byDay: PlannedOrder[][] = Array.from({ length: YEAR + 1 }, () => []);
  for (const o of orders) byDay[o.daysAgo]!.push(o);
  return byDay.reverse().flat();
}
