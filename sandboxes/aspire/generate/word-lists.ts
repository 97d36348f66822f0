/** Vocabulary for realistic landscaping data. */

export const FIRST_NAMES = [
  'Carlos', 'Miguel', 'Jose', 'Luis', 'Juan', 'Daniel', 'David', 'Michael', 'James', 'Robert', 'John', 'Chris', 'Kevin', 'Brian',
  'Jason', 'Eric', 'Anthony', 'Mark', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Ryan', 'Tyler', 'Brandon', 'Justin', 'Aaron', 'Adam',
  'Marcus', 'Derek', 'Travis', 'Cody', 'Hector', 'Jorge', 'Ricardo', 'Eduardo', 'Francisco', 'Alejandro', 'Roberto', 'Mario', 'Sergio',
  'Maria', 'Ana', 'Sofia', 'Emily', 'Jessica', 'Sarah', 'Ashley', 'Megan', 'Laura', 'Rachel', 'Nicole', 'Amanda', 'Rosa', 'Elena',
  'Tomas', 'Raul', 'Oscar', 'Victor', 'Ivan', 'Pedro',
] as const

export const LAST_NAMES = [
  'Garcia', 'Martinez', 'Rodriguez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Flores', 'Rivera',
  'Gomez', 'Diaz', 'Reyes', 'Cruz', 'Morales', 'Ortiz', 'Gutierrez', 'Chavez', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones',
  'Miller', 'Davis', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris',
  'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill',
  'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker',
] as const

export interface BranchSeed {
  name: string
  code: string
  city: string
  state: string
  zip: string
  timeZone: string
  phone: string
  lat: number
  lng: number
}

export const BRANCHES: readonly BranchSeed[] = [
  { name: 'Austin', code: 'AUS', city: 'Austin', state: 'TX', zip: '78701', timeZone: 'America/Chicago', phone: '(512) 555-0140', lat: 30.2672, lng: -97.7431 },
  { name: 'Denver', code: 'DEN', city: 'Denver', state: 'CO', zip: '80202', timeZone: 'America/Denver', phone: '(303) 555-0172', lat: 39.7392, lng: -104.9903 },
  { name: 'Charlotte', code: 'CLT', city: 'Charlotte', state: 'NC', zip: '28202', timeZone: 'America/New_York', phone: '(704) 555-0118', lat: 35.2271, lng: -80.8431 },
  { name: 'Phoenix', code: 'PHX', city: 'Phoenix', state: 'AZ', zip: '85004', timeZone: 'America/Phoenix', phone: '(602) 555-0191', lat: 33.4484, lng: -112.074 },
]

export const STREETS = [
  'Oak', 'Maple', 'Cedar', 'Willow', 'Pecan', 'Magnolia', 'Juniper', 'Aspen', 'Sycamore', 'Cypress', 'Hickory', 'Laurel', 'Mesquite',
  'Elm', 'Birch', 'Spruce', 'Redbud', 'Live Oak', 'Bluebonnet', 'Ridge', 'Lakeview', 'Meadow', 'Canyon', 'Summit',
] as const

export const STREET_TYPES = ['St', 'Ave', 'Blvd', 'Dr', 'Ln', 'Pkwy', 'Ct', 'Way'] as const

export const PROPERTY_PREFIXES = [
  'Oak Hollow', 'Riverside', 'Cedar Creek', 'Stone Ridge', 'Willow Bend', 'Park Place', 'Lakeside', 'Highland', 'Brookstone',
  'Meadowbrook', 'Sunset Ridge', 'Canyon Crest', 'Harbor Point', 'Fox Run', 'Eagle Pointe', 'Pecan Grove', 'Silver Lake', 'Mill Creek',
  'Windsor', 'Heritage', 'Copper Hill', 'Timber Ridge', 'Bluffview', 'Prairie Wind',
] as const

export const PROPERTY_SUFFIXES = [
  'HOA', 'Office Park', 'Apartments', 'Business Center', 'Medical Plaza', 'Retail Center', 'Condominiums', 'Corporate Campus',
  'Town Center', 'Senior Living', 'Church', 'Elementary School',
] as const

export const WORK_ORDER_NAMES = [
  'Irrigation Repair', 'Mulch Install', 'Spring Cleanup', 'Tree Pruning', 'Sod Replacement', 'Drainage Improvement', 'Seasonal Color',
  'Hardscape Repair', 'Fall Cleanup', 'Shrub Replacement', 'Storm Cleanup', 'Bed Renovation',
] as const

export const CONTRACT_SERVICES = ['Mowing & Edging', 'Bed Maintenance', 'Fertilization', 'Irrigation Inspection', 'Shrub Pruning'] as const

export interface CatalogSeed {
  name: string
  type: 'Material' | 'Labor' | 'Equipment' | 'Sub' | 'Other'
  category: number
  unit: string
  cost: number
  code: string
}

export const CATALOG_CATEGORIES: Record<number, string> = {
  1: 'Mulch & Soil',
  2: 'Plants',
  3: 'Irrigation',
  4: 'Hardscape',
  5: 'Chemicals',
  6: 'Labor',
  7: 'Equipment',
  8: 'Subcontractors',
  9: 'Other',
}

export const CATALOG: readonly CatalogSeed[] = [
  { name: 'General Labor', type: 'Labor', category: 6, unit: 'Hour', cost: 24, code: 'LAB-GEN' },
  { name: 'Crew Leader Labor', type: 'Labor', category: 6, unit: 'Hour', cost: 31, code: 'LAB-CL' },
  { name: 'Hardwood Mulch', type: 'Material', category: 1, unit: 'CY', cost: 28.5, code: 'MUL-HW' },
  { name: 'Pine Straw', type: 'Material', category: 1, unit: 'Bale', cost: 6.75, code: 'MUL-PS' },
  { name: 'Topsoil', type: 'Material', category: 1, unit: 'CY', cost: 32, code: 'SOI-TOP' },
  { name: 'Compost Blend', type: 'Material', category: 1, unit: 'CY', cost: 38, code: 'SOI-CMP' },
  { name: 'St. Augustine Sod', type: 'Material', category: 2, unit: 'Pallet', cost: 265, code: 'SOD-STA' },
  { name: 'Bermuda Sod', type: 'Material', category: 2, unit: 'Pallet', cost: 210, code: 'SOD-BER' },
  { name: 'Annual Color Flat', type: 'Material', category: 2, unit: 'Flat', cost: 18.5, code: 'PLT-ANN' },
  { name: 'Shrub 3 Gallon', type: 'Material', category: 2, unit: 'Each', cost: 14.25, code: 'PLT-S3G' },
  { name: 'Shrub 5 Gallon', type: 'Material', category: 2, unit: 'Each', cost: 24, code: 'PLT-S5G' },
  { name: 'Tree 15 Gallon', type: 'Material', category: 2, unit: 'Each', cost: 89, code: 'PLT-T15' },
  { name: 'Spray Head 4in', type: 'Material', category: 3, unit: 'Each', cost: 4.1, code: 'IRR-SH4' },
  { name: 'Rotor Head', type: 'Material', category: 3, unit: 'Each', cost: 12.6, code: 'IRR-ROT' },
  { name: 'PVC Pipe 1in', type: 'Material', category: 3, unit: 'Foot', cost: 0.85, code: 'IRR-PVC1' },
  { name: 'Drip Line', type: 'Material', category: 3, unit: 'Foot', cost: 0.42, code: 'IRR-DRP' },
  { name: 'Irrigation Valve', type: 'Material', category: 3, unit: 'Each', cost: 36, code: 'IRR-VLV' },
  { name: 'River Rock', type: 'Material', category: 4, unit: 'Ton', cost: 95, code: 'HRD-RR' },
  { name: 'Decomposed Granite', type: 'Material', category: 4, unit: 'Ton', cost: 62, code: 'HRD-DG' },
  { name: 'Steel Edging', type: 'Material', category: 4, unit: 'Foot', cost: 3.4, code: 'HRD-EDG' },
  { name: 'Pre-Emergent Herbicide', type: 'Material', category: 5, unit: 'Bag', cost: 42, code: 'CHM-PRE' },
  { name: 'Fertilizer 15-5-10', type: 'Material', category: 5, unit: 'Bag', cost: 27.5, code: 'CHM-FRT' },
  { name: 'Skid Steer', type: 'Equipment', category: 7, unit: 'Hour', cost: 55, code: 'EQP-SKD' },
  { name: 'Trencher', type: 'Equipment', category: 7, unit: 'Hour', cost: 40, code: 'EQP-TRN' },
  { name: 'Dump Trailer', type: 'Equipment', category: 7, unit: 'Day', cost: 85, code: 'EQP-DMP' },
  { name: 'Tree Removal Sub', type: 'Sub', category: 8, unit: 'Each', cost: 650, code: 'SUB-TRE' },
  { name: 'Concrete Sub', type: 'Sub', category: 8, unit: 'SqFt', cost: 7.5, code: 'SUB-CON' },
  { name: 'Dump Fee', type: 'Other', category: 9, unit: 'Load', cost: 48, code: 'OTH-DMP' },
  { name: 'Fuel Surcharge', type: 'Other', category: 9, unit: 'Each', cost: 15, code: 'OTH-FUL' },
  { name: 'Permit Fee', type: 'Other', category: 9, unit: 'Each', cost: 120, code: 'OTH-PRM' },
]
