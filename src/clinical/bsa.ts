/**
 * Body surface area (m²) from weight and height, by the two formulas dosing tables use. Pure
 * arithmetic: the caller checks the inputs (`computeDose` refuses weights and heights outside
 * `DOSE_LIMITS`).
 */

export const BSA_METHODS = ['mosteller', 'dubois'] as const;
export type BsaMethod = (typeof BSA_METHODS)[number];

/** The method used when none is asked for. */
export const DEFAULT_BSA_METHOD: BsaMethod = 'mosteller';

/** How each method is named and written out to a reader. */
export const BSA_METHOD_NAMES: Readonly<Record<BsaMethod, string>> = { mosteller: 'Mosteller', dubois: 'DuBois' };

/**
 * Body surface area in m², unrounded.
 * - Mosteller (1987): √(height cm × weight kg / 3600)
 * - DuBois & DuBois (1916): 0.007184 × weight kg^0.425 × height cm^0.725
 *
 * @example bodySurfaceArea('mosteller', 70, 170) // 1.8181…
 */
export function bodySurfaceArea(method: BsaMethod, weightKg: number, heightCm: number): number {
  switch (method) {
    case 'mosteller':
      return Math.sqrt((heightCm * weightKg) / 3600);
    case 'dubois':
      return 0.007184 * weightKg ** 0.425 * heightCm ** 0.725;
  }
}

/** The formula with the numbers put in, as shown to a reader (without the result). */
export function bsaExpression(method: BsaMethod, weightKg: number, heightCm: number): string {
  switch (method) {
    case 'mosteller':
      return `√(${heightCm} cm × ${weightKg} kg / 3600)`;
    case 'dubois':
      return `0.007184 × ${weightKg} kg^0.425 × ${heightCm} cm^0.725`;
  }
}
