/** A review request that cannot be applied (unknown ids, contradictions, invalid result); nothing is changed. */
export class ReviewInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReviewInputError";
  }
}

/** No article with this id. */
export class ArticleNotFoundError extends Error {
  constructor(readonly articleId: string) {
    super(`no article with id "${articleId}"`);
    this.name = "ArticleNotFoundError";
  }
}
