/** 工作台: the cards every area adds for the signed-in person (DESIGN §2, an area's `workbenchCards`). */
import { z } from 'zod';
import { method } from '../../api/method';

/**
 * Where a workbench figure leads: the list `path` opens with `filters` (its `?f=`), and the list
 * method answers the same filters with a total equal to the figure's count (a test holds every
 * card to that). A figure about one record links to it by `path` alone.
 */
export interface WorkbenchLink {
  path: string;
  method?: string;
  filters?: Record<string, unknown>;
}

/** One number on a card: `key` is worded by the renderer, `label` is data (a channel, a person). */
export interface WorkbenchFigure {
  key: string;
  label?: string;
  count: number;
  /** Fen, when the figure is also worth money (a stage's expected amount). */
  amount?: number;
  /** A date the renderer shows beside it (a birthday, an expected close). */
  date?: string;
  link: WorkbenchLink | null;
  /** Figures shown beside this one, each with its own link (a stage's customers moved in and out in 30 days). */
  parts?: WorkbenchFigure[];
}

export interface WorkbenchCard {
  key: string;
  figures: WorkbenchFigure[];
}

/** The cards in the order the areas registered them; a card its reader may not see is left out. */
export interface Workbench {
  today: string;
  /** Whether the figures count only the caller's own customers, leads and deals. */
  ownOnly: boolean;
  followUpDays: number;
  cards: WorkbenchCard[];
}

/** A command-palette hit: the renderer words `kind` (palette.kinds.*) and opens `path`. */
export interface PaletteHit {
  kind: string;
  id: string;
  title: string;
  subtitle: string | null;
  path: string;
}

export const workbenchContract = {
  'workbench.cards': method<Workbench>()({ input: z.object({}).strict(), permission: 'signedIn', mutates: false }),
  /**
   * The command palette: what every area's finders find for `q` (customers, leads, deals, orders,
   * products), each finder only for those whose role reads its area, each within the caller's data scope.
   */
  'workbench.find': method<PaletteHit[]>()({
    input: z.object({ q: z.string().trim().min(1).max(60), limit: z.number().int().min(1).max(20).default(6) }).strict(),
    permission: 'signedIn',
    mutates: false,
  }),
};
