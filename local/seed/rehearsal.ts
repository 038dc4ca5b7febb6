/**
 * A round in the future, every date known to the day, so that a newcomer can move the local clock through it and
 * watch each invitation, materials notice and reminder go out: a global consultation in five weeks, then a review
 * of each region a month apart, with the meetings the roadmap describes (Asia-Pacific's two pre-consultations, a
 * thematic consultation, a GCM Talk, a two-day review), Europe's discussion space and analytical paper, and a GCM
 * Talk of its own with its public listing.
 */
export const REHEARSAL_CYCLE = 'Rehearsal round';

export function rehearsalRound(now: Date): { reviewId: string; review: Record<string, unknown> }[] {
  const day = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const cycle = REHEARSAL_CYCLE;
  return [
    {
      reviewId: 'rehearsal-global',
      review: {
        kind: 'global-consultation',
        cycle,
        title: 'Rehearsal: global stakeholder consultation',
        regions: ['africa', 'arab', 'asia-pacific', 'europe', 'lac'],
        date: day(35),
        timeZone: 'UTC',
      },
    },
    {
      reviewId: 'rehearsal-europe',
      review: {
        region: 'europe',
        cycle,
        date: day(100),
        venue: 'Palais des Nations, Geneva',
        timeZone: 'Europe/Zurich',
        meetings: [
          { id: 'pre-1', kind: 'pre-consultation', joinUrl: 'https://meet.example.org/europe-pre' },
          {
            id: 'labour',
            kind: 'consultation',
            title: 'Labour migration',
            date: day(70),
            joinUrl: 'https://meet.example.org/europe-labour',
          },
          { id: 'hybrid', kind: 'hybrid-consultation', capacity: 120 },
        ],
        discussionSpace: {
          opens: day(40),
          closes: day(65),
          url: 'https://hub.example.org/europe-rehearsal',
          moderators: ['Regional focal point'],
        },
        analyticalPaper: { focalPoints: [{ email: 'europe-focal@example.org', language: 'en' }] },
      },
    },
    {
      reviewId: 'rehearsal-talk',
      review: {
        kind: 'gcm-talk',
        cycle,
        title: 'Cities that welcome',
        organisers: 'A city network and a migrant-led organisation',
        audience: 'Local authorities and migrant-led organisations',
        date: day(50),
        timeZone: 'UTC',
        interpretationLanguages: ['en', 'fr', 'es'],
        meetings: [
          {
            id: 'talk',
            kind: 'gcm-talk',
            title: 'Cities that welcome',
            startTime: '14:00',
            joinUrl: 'https://meet.example.org/talk-cities',
          },
        ],
      },
    },
    {
      reviewId: 'rehearsal-africa',
      review: {
        region: 'africa',
        cycle,
        date: day(130),
        venue: 'Addis Ababa',
        timeZone: 'Africa/Addis_Ababa',
      },
    },
    {
      reviewId: 'rehearsal-arab',
      review: {
        region: 'arab',
        cycle,
        date: `${day(160)}/${day(161)}`,
        venue: 'Beirut',
        timeZone: 'Asia/Beirut',
      },
    },
    {
      reviewId: 'rehearsal-lac',
      review: {
        region: 'lac',
        cycle,
        date: day(190),
        venue: 'Santiago',
        timeZone: 'America/Santiago',
        meetings: [
          { id: 'pre-1', kind: 'pre-consultation' },
          { id: 'hybrid', kind: 'hybrid-consultation' },
          { id: 'talk', kind: 'gcm-talk', title: 'Regular pathways in the Americas', date: day(120) },
        ],
      },
    },
    {
      reviewId: 'rehearsal-asia-pacific',
      review: { region: 'asia-pacific', cycle, date: day(220), venue: 'Bangkok', timeZone: 'Asia/Bangkok' },
    },
  ];
}
