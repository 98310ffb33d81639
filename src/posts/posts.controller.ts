import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RATE_LIMITS, RateLimited } from '../auth/rate-limit.js';
import { ALL_ROLES, Roles } from '../auth/roles.decorator.js';
import { ListPostsQuery } from './dto/list-posts.query.js';
import { PostsRepository, PostView } from './posts.repository.js';

@ApiTags('posts')
@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  constructor(private readonly posts: PostsRepository) {}

  @Get()
  @Roles(...ALL_ROLES)
  @RateLimited(RATE_LIMITS.search)
  @ApiOperation({ summary: 'Stored posts, newest first, with their analysis; keyset-paginated' })
  list(@Query() query: ListPostsQuery) {
    return this.posts.list(query);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One post with the explanation of its analysis' })
  async get(@Param('id') id: string): Promise<PostView> {
    const post = await this.posts.findById(id);
    if (!post) {
      throw new NotFoundException(`Post ${id} tidak ditemukan`);
    }
    return post;
  }
}
