/**
 * Named units. A plain `number` says nothing about whether it counts weeks,
 * days or pieces of stock; these brands make mixing them a compile error.
 * They cost nothing at run time: each is a number with a phantom tag.
 */
declare const unit: unique symbol;
type Unit<Name extends string> = number & { readonly [unit]: Name };

/** A duration in weeks (the period of weekly history and forecasts). */
export type Weeks = Unit<"weeks">;
/** A duration in calendar days. */
export type Days = Unit<"days">;
/** A quantity of stock, in pieces (units of the SKU). */
export type Units = Unit<"units">;
/** Units of stock per week. */
export type UnitsPerWeek = Unit<"units/week">;
/** A fraction in [0, 1] (a share of sales, a service level, a cutoff). */
export type Fraction = Unit<"fraction">;
/** An amount of money in the workbook's currency. */
export type Money = Unit<"money">;

export const weeks = (n: number): Weeks => n as Weeks;
export const days = (n: number): Days => n as Days;
export const units = (n: number): Units => n as Units;
export const unitsPerWeek = (n: number): UnitsPerWeek => n as UnitsPerWeek;
export const fraction = (n: number): Fraction => n as Fraction;
export const money = (n: number): Money => n as Money;

/** Days in a week, for converting lead times given in days. */
export const DAYS_PER_WEEK = 7;
