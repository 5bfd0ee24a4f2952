// Words that echo by nature and say nothing about the writing: function words and the verbs of
// attribution news copy repeats on purpose.
export const STOP_WORDS = new Set([
  'that', 'this', 'with', 'from', 'have', 'they', 'their', 'them', 'there', 'these', 'those',
  'which', 'will', 'would', 'been', 'were', 'what', 'when', 'where', 'while', 'than', 'then',
  'also', 'into', 'over', 'more', 'most', 'some', 'such', 'only', 'about', 'after', 'before',
  'said', 'says', 'year', 'years', 'very', 'much', 'many', 'other', 'each', 'both', 'could',
  'should', 'does', 'done', 'just', 'even', 'well', 'back', 'down', 'make', 'made', 'like',
  'time', 'times', 'first', 'last', 'your', 'ours', 'here', 'being', 'because', 'through'
])
