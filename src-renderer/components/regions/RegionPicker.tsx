import { Autocomplete, Grid, Select } from '@mantine/core';
import { useMemo } from 'react';
import { CN_PROVINCE_NAMES, citiesOf, districtsOf } from './cn-regions';

export interface RegionValue {
  province: string;
  city: string;
  district: string;
}

export interface RegionPickerProps {
  value: RegionValue;
  onChange: (next: RegionValue) => void;
  labels: { province: string; city: string; district: string };
  placeholders?: { choose?: string; district?: string; nothingFound?: string };
  errors?: Partial<Record<keyof RegionValue, React.ReactNode>>;
  /** Grid span of each of the three columns (the picker renders three Grid.Col). */
  span?: React.ComponentProps<typeof Grid.Col>['span'];
  testIdPrefix?: string;
}

/** The list, plus the current value when it isn't in it (old data and imports keep showing). */
function withCurrent(options: readonly string[], current: string): string[] {
  return current && !options.includes(current) ? [current, ...options] : [...options];
}

/**
 * Province → city → district. Province and city are Selects (a province without a city list, or an
 * unknown province, takes the city as free text); the district is always free text with
 * the official list as suggestions. Values are the plain Chinese names, as stored.
 */
export function RegionPicker({ value, onChange, labels, placeholders, errors, span, testIdPrefix = 'region' }: RegionPickerProps) {
  const { province, city, district } = value;
  const cities = useMemo(() => citiesOf(province).map((x) => x.name), [province]);
  const districts = useMemo(() => districtsOf(province, city), [province, city]);

  function chooseProvince(next: string | null) {
    const p = next ?? '';
    if (p === province) return;
    const nextCities = citiesOf(p).map((x) => x.name);
    // A municipality (or SAR) is its own only city: fill it in.
    const nextCity = nextCities.length === 1 ? nextCities[0]! : nextCities.includes(city) ? city : '';
    const nextDistrict = nextCity === city ? district : '';
    onChange({ province: p, city: nextCity, district: nextDistrict });
  }

  function chooseCity(next: string | null) {
    const nextCity = next ?? '';
    if (nextCity === city) return;
    const known = districtsOf(province, nextCity);
    onChange({ province, city: nextCity, district: known.includes(district) ? district : '' });
  }

  const common = { searchable: true, clearable: true, nothingFoundMessage: placeholders?.nothingFound, placeholder: placeholders?.choose } as const;

  return (
    <>
      <Grid.Col span={span}>
        <Select
          {...common}
          label={labels.province}
          data={withCurrent(CN_PROVINCE_NAMES, province)}
          value={province || null}
          onChange={chooseProvince}
          error={errors?.province}
          data-testid={`${testIdPrefix}-province`}
        />
      </Grid.Col>
      <Grid.Col span={span}>
        {cities.length > 0 ? (
          <Select
            {...common}
            label={labels.city}
            data={withCurrent(cities, city)}
            value={city || null}
            onChange={chooseCity}
            error={errors?.city}
            data-testid={`${testIdPrefix}-city`}
          />
        ) : (
          <Autocomplete
            label={labels.city}
            data={[]}
            value={city}
            onChange={(text) => onChange({ province, city: text, district })}
            error={errors?.city}
            data-testid={`${testIdPrefix}-city`}
          />
        )}
      </Grid.Col>
      <Grid.Col span={span}>
        <Autocomplete
          label={labels.district}
          placeholder={districts.length ? placeholders?.district : undefined}
          data={[...districts]}
          value={district}
          onChange={(text) => onChange({ province, city, district: text })}
          error={errors?.district}
          data-testid={`${testIdPrefix}-district`}
        />
      </Grid.Col>
    </>
  );
}
