/**
 * The seed document's timeline of the regional reviews 2023-2024 and its two global consultations, exactly as it
 * writes them (as of 27 September 2023), with the years its headings give. The seed names Geneva for Europe's
 * review and no other venue; the time zones are those of the UN regional commissions that host the reviews.
 */
export const SEED_CYCLE = '2023-2025, second round';

export const SEED_ROUND: { reviewId: string; review: Record<string, unknown> }[] = [
  {
    reviewId: 'global-oct-2023',
    review: {
      kind: 'global-consultation',
      cycle: SEED_CYCLE,
      title: 'Global stakeholder consultation: Africa, Latin America and the Caribbean, Europe',
      regions: ['africa', 'lac', 'europe'],
      date: '31 October 2023',
      timeZone: 'UTC',
    },
  },
  {
    reviewId: 'global-nov-2023',
    review: {
      kind: 'global-consultation',
      cycle: SEED_CYCLE,
      title: 'Global stakeholder consultation: Asia-Pacific, Arab region',
      regions: ['asia-pacific', 'arab'],
      date: 'November 2023',
      timeZone: 'UTC',
    },
  },
  {
    reviewId: 'europe-2024',
    review: {
      region: 'europe',
      cycle: SEED_CYCLE,
      date: '11 March 2024',
      venue: 'Geneva',
      timeZone: 'Europe/Zurich',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: '8 November 2023 (to be decided)' },
        { id: 'hybrid', kind: 'hybrid-consultation', date: '8 or 11 March 2024 (to be decided)' },
      ],
    },
  },
  {
    reviewId: 'africa-2024',
    review: {
      region: 'africa',
      cycle: SEED_CYCLE,
      date: 'May 2024',
      timeZone: 'Africa/Addis_Ababa',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: 'March 2024' },
        { id: 'hybrid', kind: 'hybrid-consultation', date: 'May 2024' },
      ],
    },
  },
  {
    reviewId: 'arab-2024',
    review: {
      region: 'arab',
      cycle: SEED_CYCLE,
      date: 'June 2024',
      timeZone: 'Asia/Beirut',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: 'April 2024' },
        { id: 'hybrid', kind: 'hybrid-consultation', date: 'June 2024' },
      ],
    },
  },
  {
    reviewId: 'lac-2024',
    review: {
      region: 'lac',
      cycle: SEED_CYCLE,
      date: 'week 3 of November 2024',
      timeZone: 'America/Santiago',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: 'September 2024' },
        { id: 'hybrid', kind: 'hybrid-consultation', date: 'week 3 of November 2024' },
      ],
    },
  },
  {
    reviewId: 'asia-pacific-2025',
    review: {
      region: 'asia-pacific',
      cycle: SEED_CYCLE,
      date: '2025',
      timeZone: 'Asia/Bangkok',
      // "Late 2024: two separate pre-consultations in Asia-Pacific feeding one multi-stakeholder consultation."
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: 'late 2024' },
        { id: 'pre-2', kind: 'pre-consultation', date: 'late 2024' },
        { id: 'hybrid', kind: 'hybrid-consultation', date: '2025' },
      ],
    },
  },
];
