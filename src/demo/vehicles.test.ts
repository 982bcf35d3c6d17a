import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';
import { VEHICLE_MODELS, isValidVin, makePlate, makeVin, vinCheckDigit } from './vehicles.ts';

describe('vehicles', () => {
  it('computes the VIN check digit of published examples', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigit('1HGCM82633A004352')).toBe('3');
    expect(isValidVin('11111111111111111')).toBe(true);
    expect(isValidVin('1HGCM82643A004352')).toBe(false);
  });

  it('generates VINs whose check digit is valid', () => {
    const rng = new Random(11);
    for (let i = 0; i < 2_000; i++) {
      const model = rng.pick(VEHICLE_MODELS);
      const vin = makeVin(rng, rng.pick(model.wmi), rng.int(2004, 2024));
      expect(vin, vin).toSatisfy(isValidVin);
    }
  });

  it('formats plates the way each state issues them', () => {
    const rng = new Random(5);
    expect(makePlate(rng, 'VA')).toMatch(/^[A-Z]{3}-\d{4}$/);
    expect(makePlate(rng, 'MD')).toMatch(/^\d[A-Z]{2}\d{4}$/);
    expect(makePlate(rng, 'DC')).toMatch(/^[A-Z]{2}-\d{4}$/);
  });
});
